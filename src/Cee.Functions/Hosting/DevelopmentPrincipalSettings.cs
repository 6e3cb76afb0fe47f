namespace Cee.Functions.Hosting;

/// <summary>
/// The <c>Authentication__DevelopmentPrincipal</c> section: the caller a local run of the API acts
/// as when nothing signs anyone in. Honoured only for loopback requests in the Development
/// environment and never in Azure (docs/functions.md, "Signing in locally").
/// </summary>
public sealed class DevelopmentPrincipalSettings
{
    /// <summary>A GUID standing in for an Entra object id; it is what the ledger records as the reviewer id.</summary>
    public string? ObjectId { get; set; }

    public string? Name { get; set; }

    /// <summary>App roles, separated by commas: <c>Cee.Reader,Cee.Reviewer</c>. Empty means none (every endpoint then answers 403).</summary>
    public string? Roles { get; set; }

    /// <summary>True when any of the settings is given.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ObjectId) || !string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(Roles);

    /// <summary>The roles, split and trimmed.</summary>
    public IReadOnlyList<string> RoleList() =>
        (Roles ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
