namespace Cee.Routing.Cosmos;

/// <summary>
/// Where the routing ledger, the importer accounts and the CBP requests live (configuration section
/// <c>Cosmos</c>, e.g. app setting <c>Cosmos__AccountEndpoint</c>), and how hard to retry. Validated at
/// start-up by <see cref="CosmosRoutingOptionsValidator"/>.
/// </summary>
public sealed class CosmosRoutingOptions
{
    public const string SectionName = "Cosmos";

    /// <summary><c>https://&lt;account&gt;.documents.azure.com:443/</c>, or a loopback emulator endpoint.</summary>
    public Uri? AccountEndpoint { get; set; }

    public string DatabaseName { get; set; } = "cee";

    /// <summary>Client id of the user-assigned managed identity <c>DefaultAzureCredential</c> signs in with; null for its default chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// The local emulator's key. Refused unless <see cref="AccountEndpoint"/> is loopback: in Azure the
    /// app signs in with its managed identity, never with a key. With a key the client uses Gateway
    /// mode limited to the endpoint, as the emulators need.
    /// </summary>
    public string? EmulatorKey { get; set; }

    /// <summary>Ledger records, one item per document (or unreadable drop), partition key <c>/id</c>.</summary>
    public string LedgerContainer { get; set; } = "ledger";

    /// <summary>Importer accounts by lookup key, partition key <c>/id</c>.</summary>
    public string AccountsContainer { get; set; } = "importer-accounts";

    /// <summary>CBP requests by request id, partition key <c>/id</c>.</summary>
    public string RequestsContainer { get; set; } = "cbp-requests";

    /// <summary>Content claims by drop SHA-256, partition key <c>/id</c>: first writer wins (<see cref="Ledger.ContentClaim"/>).</summary>
    public string ClaimsContainer { get; set; } = "content-claims";

    /// <summary>How often the SDK itself retries a 429 before handing it back (SDK default 9).</summary>
    public int MaxRetryAttemptsOnRateLimitedRequests { get; set; } = 9;

    /// <summary>How long the SDK itself keeps retrying 429s before handing one back (SDK default 30 s).</summary>
    public TimeSpan MaxRetryWaitTimeOnRateLimitedRequests { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a 429 that came back from the SDK anyway, or of a transient 408/449/5xx, before the call fails.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff after a transient failure; doubled at each retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest single wait, whatever the server's RetryAfter or the backoff says.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a ledger transition re-reads and re-applies after losing a race (409/412) before it fails.</summary>
    public int MaxConflictRetries { get; set; } = 5;

    /// <summary>True when the client signs in with <see cref="EmulatorKey"/> (local emulator) rather than Entra ID.</summary>
    public bool UsesEmulator => !string.IsNullOrEmpty(EmulatorKey);
}
