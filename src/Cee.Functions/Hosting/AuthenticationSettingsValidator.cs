using Cee.Functions.Identity;
using Cee.Routing.Review;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Cee.Functions.Hosting;

/// <summary>
/// Fails start-up when the <c>Authentication</c> settings are not usable: a tenant id that is not a
/// GUID, no tenant id in Azure, a development principal in Azure (where it could never be honoured,
/// so its presence means local settings were copied there), or a development principal that is
/// not a usable principal.
/// </summary>
public sealed class AuthenticationSettingsValidator(IConfiguration configuration) : IValidateOptions<AuthenticationSettings>
{
    public ValidateOptionsResult Validate(string? name, AuthenticationSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var inAzure = HostingPlatform.IsAzure(configuration);
        if (!string.IsNullOrWhiteSpace(options.TenantId) && !IsGuid(options.TenantId))
        {
            problems.Add($"Authentication__TenantId '{options.TenantId}' is not a tenant id: a GUID such as aaaabbbb-0000-cccc-1111-dddd2222eeee.");
        }
        else if (string.IsNullOrWhiteSpace(options.TenantId) && inAzure)
        {
            problems.Add("Authentication__TenantId is required in Azure: the Microsoft Entra tenant whose principals may call the API (infra sets it from authTenantId).");
        }

        var development = options.DevelopmentPrincipal;
        if (development.IsConfigured)
        {
            if (inAzure)
            {
                problems.Add("Authentication__DevelopmentPrincipal__* is set, but a development principal is never honoured in Azure: remove these settings (they belong in local.settings.json).");
            }

            if (!IsGuid(development.ObjectId))
            {
                problems.Add($"Authentication__DevelopmentPrincipal__ObjectId '{development.ObjectId}' is not a GUID; it stands in for an Entra object id.");
            }

            if (string.IsNullOrWhiteSpace(development.Name) || development.Name.Length > ReviewDecision.MaxReviewerLength)
            {
                problems.Add($"Authentication__DevelopmentPrincipal__Name is required: a display name of at most {ReviewDecision.MaxReviewerLength} characters.");
            }

            var unknown = development.RoleList().Where(role => !AppRoles.All.Contains(role, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add($"Authentication__DevelopmentPrincipal__Roles names {string.Join(", ", unknown.Select(r => $"'{r}'"))}, not an app role: use {string.Join(", ", AppRoles.All)}.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>A GUID in the 36-character form Entra writes (<c>D</c> format).</summary>
    public static bool IsGuid(string? value) =>
        value is { Length: AuthenticationSettings.TenantIdLength } && Guid.TryParseExact(value, "D", out _);
}
