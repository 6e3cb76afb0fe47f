using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cee.Routing.Cosmos.Tests.Support;

/// <summary>
/// The Cosmos DB test server that eng/test.sh starts (eng/services.sh): its endpoint comes in
/// <c>CEE_COSMOS_TEST_ENDPOINT</c>. Each fixture gets a database of its own, created with the
/// adapter's <see cref="CosmosResources"/> and dropped afterwards. Without the variable every test
/// that uses the server fails, saying how to run them: they are never skipped.
/// </summary>
/// <remarks>
/// The server is <c>@vercel/cosmosdb-server</c> behind eng/cosmosdb-server/serve.js, which corrects
/// two of its departures from Cosmos DB: it answers the query-plan request the .NET SDK sends
/// before a cross-partition query, and it answers 404 (not 500) for a missing item. It does not
/// charge real RUs (every call costs 1), and it ignores indexing policies; tests that depend on
/// Cosmos DB behaviour it lacks (429, 5xx, a malformed item) use Moq over <see cref="Container"/>.
/// </remarks>
public sealed class CosmosServerFixture : IAsyncLifetime
{
    public const string EndpointVariable = "CEE_COSMOS_TEST_ENDPOINT";

    /// <summary>The Cosmos DB emulator's published key; the test server accepts any well-formed key.</summary>
    public const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private CosmosClient? _client;

    public Uri Endpoint { get; private set; } = null!;

    public CosmosRoutingOptions Options { get; private set; } = null!;

    public CosmosClient Client => _client ?? throw new InvalidOperationException("The fixture is not initialized.");

    public Container Ledger => Client.GetContainer(Options.DatabaseName, Options.LedgerContainer);

    public Container Accounts => Client.GetContainer(Options.DatabaseName, Options.AccountsContainer);

    public Container Requests => Client.GetContainer(Options.DatabaseName, Options.RequestsContainer);

    public Container Claims => Client.GetContainer(Options.DatabaseName, Options.ClaimsContainer);

    public static Uri RequireEndpoint()
    {
        var value = Environment.GetEnvironmentVariable(EndpointVariable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"{EndpointVariable} is not set: these tests need the Cosmos DB test server. Run ./eng/test.sh, which starts it (eng/services.sh), " +
                $"or start it yourself: (cd eng/cosmosdb-server && npm ci && node serve.js) and export {EndpointVariable}=<the endpoint it prints>.")
            : new Uri(value);
    }

    public async Task InitializeAsync()
    {
        Endpoint = RequireEndpoint();
        Options = NewOptions(Endpoint, $"cee-test-{Guid.NewGuid():N}"[..20]);
        _client = CosmosClientFactory.Create(Options);
        await new CosmosResources(_client, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<CosmosResources>.Instance)
            .EnsureCreatedAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.GetDatabase(Options.DatabaseName).DeleteStreamAsync();
            _client.Dispose();
        }
    }

    public static CosmosRoutingOptions NewOptions(Uri endpoint, string database) => new()
    {
        AccountEndpoint = endpoint,
        EmulatorKey = EmulatorKey,
        DatabaseName = database,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
    };

    public IOptions<CosmosRoutingOptions> WrappedOptions() => Microsoft.Extensions.Options.Options.Create(Options);

    /// <summary>A database of its own (created with its containers), for a test that counts what it finds; deleted on dispose.</summary>
    public async Task<IsolatedDatabase> IsolatedDatabaseAsync()
    {
        var options = NewOptions(Endpoint, $"cee-iso-{Guid.NewGuid():N}"[..20]);
        await new CosmosResources(Client, Microsoft.Extensions.Options.Options.Create(options), NullLogger<CosmosResources>.Instance)
            .EnsureCreatedAsync(CancellationToken.None);
        return new IsolatedDatabase(Client, options);
    }
}
