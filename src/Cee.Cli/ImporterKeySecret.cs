using Cee.Routing.Identifiers;

namespace Cee.Cli;

/// <summary>
/// The importer key secret (Base64, ≥ 32 bytes) from an environment variable: every host of one
/// deployment must derive SSN lookup keys with the same secret (docs/configuration.md).
/// </summary>
public static class ImporterKeySecret
{
    /// <summary>The variable the Functions app reads too (<c>Importers__KeySecret</c>).</summary>
    public const string DefaultVariable = "Importers__KeySecret";

    /// <summary>
    /// The keys from <paramref name="variable"/>. When it is unset: the published development key if
    /// <paramref name="developmentAllowed"/> (local runs; with a warning unless <paramref name="quiet"/>),
    /// else a usage error that says <paramref name="whyRequired"/>.
    /// </summary>
    public static ImporterLookupKeys Resolve(CliContext context, string variable, bool developmentAllowed, string whyRequired, bool quiet = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var secret = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(secret))
        {
            if (!developmentAllowed)
            {
                throw new UsageException($"{variable} is not set: {whyRequired}");
            }

            if (!quiet)
            {
                context.Error.WriteLine($"cee: warning: {variable} is not set; SSN lookup keys use the published development key (local runs only).");
            }

            return ImporterLookupKeys.Development;
        }

        try
        {
            return ImporterLookupKeys.FromBase64(secret);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{variable} does not hold a usable importer key secret: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{variable} does not hold a usable importer key secret: {ex.Message}", ex);
        }
    }
}
