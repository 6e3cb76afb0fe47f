using Microsoft.Extensions.Configuration;

namespace Cee.Functions.Hosting;

/// <summary>
/// What the hosting platform says about where the app runs, read from the environment variables
/// App Service and Azure Functions set (every one of them is also in <see cref="IConfiguration"/>).
/// </summary>
public static class HostingPlatform
{
    /// <summary>Set by App Service and Azure Functions on every instance; absent on a developer's machine.</summary>
    public const string InstanceIdSetting = "WEBSITE_INSTANCE_ID";

    /// <summary>
    /// <c>True</c> when App Service authentication is enabled for the site. On Linux plans (Flex
    /// Consumption included) the Functions host runs the authentication middleware itself exactly
    /// when this says <c>True</c>, so it is the one signal that a request passed sign-in and that
    /// client-sent <c>X-MS-CLIENT-PRINCIPAL</c> headers were replaced (docs/adr/0009).
    /// </summary>
    public const string AuthenticationEnabledSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>The Functions environment name; <c>local.settings.json</c> sets <c>Development</c>.</summary>
    public const string EnvironmentSetting = "AZURE_FUNCTIONS_ENVIRONMENT";

    public const string DevelopmentEnvironment = "Development";

    /// <summary>The environment when none is set: the strictest one.</summary>
    public const string DefaultEnvironment = "Production";

    public static bool IsAzure(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[InstanceIdSetting]);
    }

    /// <summary>Parsed as the host parses it (a .NET Boolean: <c>True</c>/<c>true</c>); anything else is off.</summary>
    public static bool IsAuthenticationEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return bool.TryParse(configuration[AuthenticationEnabledSetting]?.Trim(), out var enabled) && enabled;
    }

    public static string EnvironmentName(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration[EnvironmentSetting];
        return string.IsNullOrWhiteSpace(name) ? DefaultEnvironment : name.Trim();
    }

    public static bool IsDevelopment(IConfiguration configuration) =>
        string.Equals(EnvironmentName(configuration), DevelopmentEnvironment, StringComparison.OrdinalIgnoreCase);
}
