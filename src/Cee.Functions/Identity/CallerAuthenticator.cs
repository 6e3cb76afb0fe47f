using Cee.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Cee.Functions.Identity;

/// <summary>
/// The one place that decides who an HTTP caller is (docs/adr/0009-entra-sign-in-and-app-roles.md):
/// <list type="bullet">
/// <item>With App Service authentication in front (<see cref="HostingPlatform.AuthenticationEnabledSetting"/>),
/// the caller is the principal in <c>X-MS-CLIENT-PRINCIPAL</c>, which the platform writes after sign-in
/// and strips from what clients send; it must be a Microsoft Entra principal of the configured tenant.</item>
/// <item>Without it the header proves nothing (anyone can send one) and is ignored. The caller is then
/// the configured development principal, and only for a loopback request in the Development
/// environment outside Azure; anything else is unauthenticated.</item>
/// </list>
/// Roles are not checked here: <see cref="Http.ApiAccess"/> checks the role each endpoint needs.
/// </summary>
public sealed class CallerAuthenticator
{
    private readonly string? _tenantId;
    private readonly bool _platformAuthentication;
    private readonly bool _inAzure;
    private readonly string _environment;
    private readonly Caller? _developmentPrincipal;
    private readonly ILogger<CallerAuthenticator> _logger;

    public CallerAuthenticator(IOptions<AuthenticationSettings> settings, IConfiguration configuration, ILogger<CallerAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        var value = settings.Value;
        _tenantId = string.IsNullOrWhiteSpace(value.TenantId) ? null : value.TenantId.Trim();
        _platformAuthentication = HostingPlatform.IsAuthenticationEnabled(configuration);
        _inAzure = HostingPlatform.IsAzure(configuration);
        _environment = HostingPlatform.EnvironmentName(configuration);
        _developmentPrincipal = value.DevelopmentPrincipal.IsConfigured ? DevelopmentCaller(value.DevelopmentPrincipal) : null;
        _logger = logger;
    }

    /// <summary>True when no caller can be signed in at all: App Service authentication is off and no development principal is set.</summary>
    public bool SignsNobodyIn => !_platformAuthentication && _developmentPrincipal is null;

    /// <summary>How callers are signed in, for the start-up log line.</summary>
    public string DescribeMode() => _platformAuthentication
        ? $"App Service authentication (Microsoft Entra ID, tenant {_tenantId ?? "not set: every caller refused"})"
        : _developmentPrincipal is { } developer
            ? $"development principal {developer.ObjectId} ({developer.DescribeRoles()}), loopback requests in Development only; environment {_environment}"
            : $"none: App Service authentication is off ({HostingPlatform.AuthenticationEnabledSetting} is not True) and no development principal is set, so every API call is refused (401)";

    public CallerAuthentication Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[ClientPrincipalHeader.Name];
        if (_platformAuthentication)
        {
            return FromPlatform(header);
        }

        var ignored = !StringValues.IsNullOrEmpty(header);
        if (ignored)
        {
            _logger.LogWarning(
                "{Header} ignored on {Path}: App Service authentication is not enabled ({Setting} is not True), so nothing stripped a client-sent header",
                ClientPrincipalHeader.Name, request.Path.Value, HostingPlatform.AuthenticationEnabledSetting);
        }

        return FromDevelopmentPrincipal(request, ignored);
    }

    private CallerAuthentication FromPlatform(StringValues header)
    {
        if (StringValues.IsNullOrEmpty(header))
        {
            return CallerAuthentication.Unauthenticated(
                "The request carries no signed-in principal: call the API with a Microsoft Entra access token issued for its app registration (docs/deployment.md, \"Calling the API\").");
        }

        if (header.Count > 1)
        {
            return CallerAuthentication.Unauthenticated($"The request carries {header.Count} {ClientPrincipalHeader.Name} headers; App Service writes one.");
        }

        if (!ClientPrincipalHeader.TryRead(header[0], out var caller, out var problem))
        {
            return CallerAuthentication.Unauthenticated($"The signed-in principal cannot be read: {problem}.");
        }

        if (_tenantId is null)
        {
            return CallerAuthentication.Refused("This deployment accepts no tenant's principals: Authentication__TenantId is not set.");
        }

        return string.Equals(caller.TenantId, _tenantId, StringComparison.OrdinalIgnoreCase)
            ? CallerAuthentication.Authenticated(caller)
            : CallerAuthentication.Refused(
                $"The principal {caller.ObjectId} belongs to tenant {caller.TenantId}; this deployment accepts principals of its own tenant only.");
    }

    private CallerAuthentication FromDevelopmentPrincipal(HttpRequest request, bool headerIgnored)
    {
        var ignored = headerIgnored
            ? $"{ClientPrincipalHeader.Name} was ignored: App Service authentication is not enabled for this app, so anyone could have written it. "
            : string.Empty;
        if (_developmentPrincipal is null)
        {
            return CallerAuthentication.Unauthenticated(ignored +
                "Sign-in is required: in Azure, App Service authentication signs callers in; locally, set a development principal (docs/functions.md, \"Signing in locally\").");
        }

        if (_inAzure)
        {
            return CallerAuthentication.Unauthenticated(ignored + "The development principal is never honoured in Azure.");
        }

        if (!string.Equals(_environment, HostingPlatform.DevelopmentEnvironment, StringComparison.OrdinalIgnoreCase))
        {
            return CallerAuthentication.Unauthenticated(ignored +
                $"The development principal is honoured only in the Development environment ({HostingPlatform.EnvironmentSetting}=Development); this one is '{_environment}'.");
        }

        return RequestOrigin.DescribeRemote(request) is { } remote
            ? CallerAuthentication.Unauthenticated(ignored + $"The development principal is honoured only for requests from this machine; {remote}.")
            : CallerAuthentication.Authenticated(_developmentPrincipal);
    }

    private static Caller DevelopmentCaller(DevelopmentPrincipalSettings settings) => new(
        Guid.Parse(settings.ObjectId!).ToString("D"),
        settings.Name!.Trim(),
        null,
        settings.RoleList().ToHashSet(StringComparer.Ordinal),
        CallerSource.DevelopmentPrincipal);
}
