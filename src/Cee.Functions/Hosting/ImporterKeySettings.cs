namespace Cee.Functions.Hosting;

/// <summary>The <c>Importers</c> section: the deployment secret for SSN lookup keys.</summary>
public sealed class ImporterKeySettings
{
    /// <summary><c>Importers__KeySecret</c>: Base64, at least 32 bytes; a Key Vault reference in Azure.</summary>
    public string? KeySecret { get; set; }

    /// <summary>
    /// <c>Importers__AllowDevelopmentKey</c>: lets a deployment in Azure run on the published
    /// development key (a disposable test environment). Off by default: production must set a secret.
    /// </summary>
    public bool AllowDevelopmentKey { get; set; }
}
