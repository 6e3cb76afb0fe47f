using Cee.Routing.Identifiers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Cee.Functions.Hosting;

/// <summary>
/// Fails start-up when <c>Importers__KeySecret</c> is not a usable secret, or is missing in Azure
/// (<see cref="HostingPlatform.IsAzure"/>) and the development key was not explicitly allowed.
/// </summary>
public sealed class ImporterKeySettingsValidator(IConfiguration configuration) : IValidateOptions<ImporterKeySettings>
{
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

        return HostingPlatform.IsAzure(configuration) && !options.AllowDevelopmentKey
            ? ValidateOptionsResult.Fail(
                "Importers__KeySecret is required in Azure (a Base64 secret of at least 32 bytes, from Key Vault): " +
                "without it SSN lookup keys would use the published development key. Set Importers__AllowDevelopmentKey=true only for a disposable test deployment.")
            : ValidateOptionsResult.Success;
    }
}
