namespace Cee.Functions.Identity;

/// <summary>Where the app learned who the caller is.</summary>
public enum CallerSource
{
    /// <summary>App Service authentication signed the caller in and wrote <c>X-MS-CLIENT-PRINCIPAL</c>.</summary>
    AppServiceAuthentication,

    /// <summary>The configured development principal, on a loopback request in the Development environment.</summary>
    DevelopmentPrincipal,
}
