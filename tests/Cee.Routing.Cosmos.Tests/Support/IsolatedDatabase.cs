using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;

namespace Cee.Routing.Cosmos.Tests.Support;

/// <summary>A database on the test server that one test owns; dropped when disposed.</summary>
public sealed class IsolatedDatabase(CosmosClient client, CosmosRoutingOptions options) : IAsyncDisposable
{
    public CosmosRoutingOptions Options { get; } = options;

    public IOptions<CosmosRoutingOptions> Wrapped => Microsoft.Extensions.Options.Options.Create(Options);

    public Container Container(string name) => client.GetContainer(Options.DatabaseName, name);

    public async ValueTask DisposeAsync()
    {
        using var _ = await client.GetDatabase(Options.DatabaseName).DeleteStreamAsync();
    }
}
