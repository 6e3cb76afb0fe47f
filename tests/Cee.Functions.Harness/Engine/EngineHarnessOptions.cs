using Microsoft.Extensions.Logging;

namespace Cee.Functions.Harness.Engine;

/// <summary>How to start an <see cref="EngineHarness"/>. Routing settings are given as app settings, and validated by the app.</summary>
public sealed class EngineHarnessOptions
{
    /// <summary><c>Routing__ReviewTimeout</c>, e.g. <c>00:00:02</c>; null for the app's default.</summary>
    public string? ReviewTimeout { get; init; }

    /// <summary><c>Routing__ReviewFallback</c>: <c>escalate</c> or <c>best-hts-guess</c>; null for the default.</summary>
    public string? ReviewFallback { get; init; }

    /// <summary><c>Routing__MaxEscalations</c>; null for the default.</summary>
    public int? MaxEscalations { get; init; }

    /// <summary>The importer accounts file loaded into Cosmos DB (default: samples/accounts.json).</summary>
    public string? AccountsFile { get; init; }

    /// <summary>The CBP requests file loaded into Cosmos DB (default: samples/requests.json).</summary>
    public string? RequestsFile { get; init; }

    /// <summary>What the app's logs keep (Information shows every Cosmos call and its retries).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Any further app setting (<c>Section:Key</c> → value).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
