using System.Collections.ObjectModel;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cee.Routing.Cosmos;

/// <summary>
/// The database and the three containers, with their partition keys and indexing policies. In
/// Azure, infrastructure creates them (the app's identity has data-plane rights only, which cannot
/// create containers); <see cref="EnsureCreatedAsync"/> is for a local emulator and the tests.
/// </summary>
public sealed class CosmosResources(CosmosClient client, IOptions<CosmosRoutingOptions> options, ILogger<CosmosResources> logger)
{
    /// <summary>Every container is partitioned by its item id: each read the adapter makes by key is a point read.</summary>
    public const string PartitionKeyPath = "/id";

    /// <summary>
    /// The ledger indexes only what its queries filter and order on (content hash, drop, entries,
    /// state, Center, update time), so the history and decision of each record cost no index writes.
    /// </summary>
    public static ContainerProperties LedgerContainer(string name)
    {
        var properties = new ContainerProperties(name, PartitionKeyPath)
        {
            IndexingPolicy = new IndexingPolicy { IndexingMode = IndexingMode.Consistent, Automatic = true },
        };
        foreach (var path in new[] { "/subject/dropSha256/?", "/subject/dropId/?", "/subject/entries/[]/?", "/subject/port/?", "/subject/document/sourceDocumentId/?", "/state/?", "/center/?", "/updatedAt/?" })
        {
            properties.IndexingPolicy.IncludedPaths.Add(new IncludedPath { Path = path });
        }

        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        properties.IndexingPolicy.CompositeIndexes.Add(new Collection<CompositePath>
        {
            new() { Path = "/center", Order = CompositePathSortOrder.Ascending },
            new() { Path = "/state", Order = CompositePathSortOrder.Ascending },
            new() { Path = "/updatedAt", Order = CompositePathSortOrder.Ascending },
        });
        return properties;
    }

    /// <summary>Accounts and requests are only ever read by id: nothing is indexed.</summary>
    public static ContainerProperties PointReadContainer(string name)
    {
        var properties = new ContainerProperties(name, PartitionKeyPath)
        {
            IndexingPolicy = new IndexingPolicy { IndexingMode = IndexingMode.Consistent, Automatic = true },
        };
        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        return properties;
    }

    /// <summary>Creates the database and containers that do not exist yet; leaves existing ones alone.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var database = await client.CreateDatabaseIfNotExistsAsync(settings.DatabaseName, cancellationToken: cancellationToken);
        logger.LogInformation("Cosmos database {Database}: {StatusCode}, {RequestCharge} RU", settings.DatabaseName, (int)database.StatusCode, database.RequestCharge);
        foreach (var container in new[]
                 {
                     LedgerContainer(settings.LedgerContainer),
                     PointReadContainer(settings.AccountsContainer),
                     PointReadContainer(settings.RequestsContainer),
                     PointReadContainer(settings.ClaimsContainer),
                 })
        {
            var response = await database.Database.CreateContainerIfNotExistsAsync(container, cancellationToken: cancellationToken);
            logger.LogInformation("Cosmos container {Database}/{Container}: {StatusCode}, {RequestCharge} RU", settings.DatabaseName, container.Id, (int)response.StatusCode, response.RequestCharge);
        }
    }
}
