using System.Net;
using System.Text;
using System.Text.Json;
using Cee.Functions.Hosting;
using Cee.Functions.Http;
using Cee.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cee.Functions.Tests.Support;

/// <summary>
/// Signed-in callers as App Service authentication presents them: the X-MS-CLIENT-PRINCIPAL header
/// (Base64 JSON with the platform's mapped claim types, roles under "roles"), and the app's access
/// check configured as in Azure or on a developer's machine.
/// </summary>
internal static class Principals
{
    public const string Tenant = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
    public const string OtherTenant = "bbbbcccc-1111-dddd-2222-eeee3333ffff";
    public const string ObjectId = "00001111-aaaa-2222-bbbb-3333cccc4444";
    public const string Name = "Jane Alvarez";
    public const string UserName = "jane.alvarez@cbp.dhs.gov";
    public const string DeveloperObjectId = "11112222-bbbb-3333-cccc-4444dddd5555";

    public const string ObjectIdType = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    public const string TenantIdType = "http://schemas.microsoft.com/identity/claims/tenantid";
    public const string EmailType = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
    public const string RoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    /// <summary>The claims of an Entra user, as App Service maps them, with <paramref name="roles"/>.</summary>
    public static List<(string Type, string Value)> UserClaims(string tenant = Tenant, string objectId = ObjectId, params string[] roles) =>
    [
        ("aud", "api://9f2c4b0e-8d1a-4c3f-a5e6-b9a2d4c8e1f0"),
        ("iss", $"https://login.microsoftonline.com/{tenant}/v2.0"),
        (ObjectIdType, objectId),
        (TenantIdType, tenant),
        ("name", Name),
        ("preferred_username", UserName),
        (EmailType, UserName),
        .. roles.Select(role => ("roles", role)),
    ];

    /// <summary>Base64 of the JSON App Service writes.</summary>
    public static string Header(IEnumerable<(string Type, string Value)> claims, string authenticationType = "aad")
    {
        var payload = new
        {
            auth_typ = authenticationType,
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
            name_typ = EmailType,
            role_typ = RoleType,
        };
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload));
    }

    public static string Header(params string[] roles) => Header(UserClaims(Tenant, ObjectId, roles));

    public static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    /// <summary>A request as the worker receives it in Azure: signed in, with the principal header.</summary>
    public static HttpRequest Signed(HttpRequest request, string header)
    {
        request.Headers[ClientPrincipalHeader.Name] = header;
        return request;
    }

    /// <summary>A request forwarded by the local Functions host: the connection is loopback.</summary>
    public static HttpRequest FromLoopback(HttpRequest request, string? forwardedFor = null)
    {
        request.HttpContext.Connection.RemoteIpAddress = IPAddress.Loopback;
        if (forwardedFor is not null)
        {
            request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        return request;
    }

    /// <summary>The configuration of an app in Azure with App Service authentication in front.</summary>
    public static Dictionary<string, string?> Azure(string? tenant = Tenant) => new()
    {
        [HostingPlatform.InstanceIdSetting] = "4c1b2a9e6f",
        [HostingPlatform.AuthenticationEnabledSetting] = "True",
        ["Authentication:TenantId"] = tenant,
    };

    /// <summary>A developer's local.settings.json: Development, a development principal with <paramref name="roles"/>.</summary>
    public static Dictionary<string, string?> Local(string roles = "Cee.Reader,Cee.Reviewer", string environment = "Development") => new()
    {
        [HostingPlatform.EnvironmentSetting] = environment,
        ["Authentication:DevelopmentPrincipal:ObjectId"] = DeveloperObjectId,
        ["Authentication:DevelopmentPrincipal:Name"] = "Local Developer",
        ["Authentication:DevelopmentPrincipal:Roles"] = roles,
    };

    public static CallerAuthenticator Authenticator(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new AuthenticationSettings();
        configuration.GetSection(AuthenticationSettings.SectionName).Bind(options);
        return new CallerAuthenticator(Options.Create(options), configuration, NullLogger<CallerAuthenticator>.Instance);
    }

    public static ApiAccess Access(Dictionary<string, string?>? settings = null) =>
        new(Authenticator(settings ?? Azure()), NullLogger<ApiAccess>.Instance);

    /// <summary>The caller App Service authentication presents for <see cref="Header(string[])"/>.</summary>
    public static Caller Reviewer() =>
        new(ObjectId, Name, Tenant, new HashSet<string>(StringComparer.Ordinal) { AppRoles.Reviewer }, CallerSource.AppServiceAuthentication);
}
