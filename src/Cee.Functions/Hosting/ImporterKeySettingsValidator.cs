using Cee.Routing.Identifiers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Cee.Functions.Hosting;

/// <summary>
/// Fails start-up when <c>Importers__KeySecret</c> is not a usable secret, or is missing in Azure
/// (where <c>WEBSITE_INSTANCE_ID</c> is set) and the development key was not explicitly allowed.
/// </summary>
public sealed class ImporterKeySettingsValidator(IConfiguration configuration) : IValidateOptions<ImporterKeySettings>
{
    /// <summary>Set by App Service and Azure Functions on every instance; absent on a developer's machine.</summary>
    public const string AzureInstanceSetting = "WEBSITE_INSTANCE_ID";

    public ValidateOptionsResult Validate(string? name, ImporterKeySettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.KeySecret))
        {
            try
            {
                _ = ImporterLookupKeys.FromBase64(options.KeySecret);
                return ValidateOptionsResult.Success;
            }
            catch (FormatException ex)
            {
                return ValidateOptionsResult.Fail($"Importers__KeySecret is not usable: {ex.Message}");
            }
            catch (ArgumentException ex)
            {
                return ValidateOptionsResult.Fail($"Importers__KeySecret is not usable: {ex.Message}");
            }
        }

        var inAzure = !string.IsNullOrEmpty(configuration[AzureInstanceSetting]);
        return inAzure && !options.AllowDevelopmentKey
            ? ValidateOptionsResult.Fail(
                "Importers__KeySecret is required in Azure (a Base64 secret of at least 32 bytes, from Key Vault): " +
                "without it SSN lookup keys would use the published development key. Set Importers__AllowDevelopmentKey=true only for a disposable test deployment.")
            : ValidateOptionsResult.Success;
    }
}
