using Cee.Routing.Identifiers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cee.Functions.Hosting;

/// <summary>The deployment's importer lookup keys: its secret, or the development key with a warning.</summary>
public static class ImporterKeysFactory
{
    public static ImporterLookupKeys Create(IOptions<ImporterKeySettings> settings, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        var secret = settings.Value.KeySecret;
        if (!string.IsNullOrWhiteSpace(secret))
        {
            return ImporterLookupKeys.FromBase64(secret);
        }

        logger.LogWarning(
            "Importers__KeySecret is not set: SSN lookup keys use the published development key, which protects nothing beyond masking. Set a secret before real data arrives.");
        return ImporterLookupKeys.Development;
    }
}
