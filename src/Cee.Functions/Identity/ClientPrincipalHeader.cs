using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Cee.Routing.Review;

namespace Cee.Functions.Identity;

/// <summary>
/// Reads the <c>X-MS-CLIENT-PRINCIPAL</c> header App Service authentication writes for a signed-in
/// caller: Base64 of <c>{ "auth_typ", "claims": [{ "typ", "val" }], "name_typ", "role_typ" }</c>.
/// Only the format is checked here; whether the header can be trusted at all, and whether its
/// tenant is this deployment's, is <see cref="CallerAuthenticator"/>'s decision.
/// </summary>
/// <remarks>
/// App Service maps claim types before writing them (<c>tid</c> arrives as
/// <c>http://schemas.microsoft.com/identity/claims/tenantid</c>), but not always the same way (app
/// roles arrive as <c>roles</c> although <c>role_typ</c> names the long role URI), so each claim is
/// looked up under its mapped and its token name.
/// </remarks>
public static class ClientPrincipalHeader
{
    public const string Name = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>
    /// The largest header accepted, in characters. A token with hundreds of group claims stays well
    /// under it; anything bigger is refused before it is decoded.
    /// </summary>
    public const int MaxLength = 32 * 1024;

    /// <summary>The provider App Service names Microsoft Entra ID.</summary>
    public const string EntraAuthenticationType = "aad";

    private static readonly string[] ObjectIdTypes = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];
    private static readonly string[] TenantIdTypes = ["http://schemas.microsoft.com/identity/claims/tenantid", "tid"];
    private static readonly string[] RoleTypes = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    // A display name for people, best first after the name itself and the type name_typ declares:
    // the user name, a UPN or an e-mail address.
    private static readonly string[] FallbackNameTypes =
    [
        "preferred_username",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "email",
    ];

    // An application signed in as itself (client credentials) has no name: its client id stands in.
    private static readonly string[] ApplicationIdTypes = ["azp", "appid"];

    private static readonly JsonSerializerOptions JsonOptions = new() { MaxDepth = 8 };

    /// <summary>Decodes <paramref name="value"/> into the caller it describes, or says what is wrong with it.</summary>
    public static bool TryRead(string? value, [NotNullWhen(true)] out Caller? caller, [NotNullWhen(false)] out string? problem)
    {
        caller = null;
        if (!TryDecode(value, out var payload, out problem))
        {
            return false;
        }

        if (!string.Equals(payload.AuthenticationType, EntraAuthenticationType, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"the principal signed in with '{payload.AuthenticationType}', not Microsoft Entra ID ('{EntraAuthenticationType}')";
            return false;
        }

        var claims = payload.Claims?.OfType<ClientPrincipalClaim>()
            .Where(c => !string.IsNullOrWhiteSpace(c.Type) && !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => (Type: c.Type!.Trim(), Value: c.Value!.Trim()))
            .ToList() ?? [];
        if (claims.Count == 0)
        {
            problem = "the principal carries no claims";
            return false;
        }

        if (!TryReadGuid(claims, ObjectIdTypes, "object id (oid)", out var objectId, out problem) ||
            !TryReadGuid(claims, TenantIdTypes, "tenant id (tid)", out var tenantId, out problem))
        {
            return false;
        }

        var roleTypes = payload.RoleClaimType is { Length: > 0 } declared ? [.. RoleTypes, declared] : RoleTypes;
        var roles = claims.Where(c => roleTypes.Contains(c.Type, StringComparer.Ordinal)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        caller = new Caller(objectId, DisplayName(claims, payload.NameClaimType, objectId), tenantId, roles, CallerSource.AppServiceAuthentication);
        return true;
    }

    private static bool TryDecode(string? value, [NotNullWhen(true)] out ClientPrincipalPayload? payload, [NotNullWhen(false)] out string? problem)
    {
        payload = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = $"{Name} is empty";
            return false;
        }

        if (value.Length > MaxLength)
        {
            problem = $"{Name} is {value.Length} characters long; at most {MaxLength} are read";
            return false;
        }

        byte[] json;
        try
        {
            json = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            problem = $"{Name} is not Base64";
            return false;
        }

        try
        {
            payload = JsonSerializer.Deserialize<ClientPrincipalPayload>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            problem = $"{Name} is not the JSON App Service authentication writes: {ex.Message}";
            return false;
        }

        if (payload is null)
        {
            problem = $"{Name} holds JSON null";
            return false;
        }

        problem = null;
        return true;
    }

    // Exactly one distinct value, and a GUID: Entra object and tenant ids always are.
    private static bool TryReadGuid(
        List<(string Type, string Value)> claims, string[] types, string what, [NotNullWhen(true)] out string? id, [NotNullWhen(false)] out string? problem)
    {
        var values = claims.Where(c => types.Contains(c.Type, StringComparer.Ordinal)).Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        id = null;
        switch (values)
        {
            case []:
                problem = $"the principal carries no {what} claim";
                return false;
            case [var single] when Guid.TryParse(single, out var guid):
                id = guid.ToString("D");
                problem = null;
                return true;
            case [_]:
                problem = $"the principal's {what} is not a GUID";
                return false;
            default:
                problem = $"the principal carries {values.Count} different {what} claims";
                return false;
        }
    }

    private static string DisplayName(List<(string Type, string Value)> claims, string? nameType, string objectId)
    {
        string[] preferred = nameType is { Length: > 0 } ? ["name", nameType, .. FallbackNameTypes] : ["name", .. FallbackNameTypes];
        var name = First(claims, preferred)
            ?? (First(claims, ApplicationIdTypes) is { } applicationId ? $"application {applicationId}" : null)
            ?? objectId;
        // The decision contract bounds the name; the object id, not the name, is what identifies the reviewer.
        return name.Length <= ReviewDecision.MaxReviewerLength ? name : name[..ReviewDecision.MaxReviewerLength];
    }

    private static string? First(List<(string Type, string Value)> claims, string[] types) =>
        types.Select(type => claims.Find(c => string.Equals(c.Type, type, StringComparison.Ordinal)).Value).FirstOrDefault(v => v is not null);
}
