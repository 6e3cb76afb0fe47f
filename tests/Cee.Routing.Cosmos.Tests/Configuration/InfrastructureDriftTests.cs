using System.Text.RegularExpressions;
using Cee.Tests;

namespace Cee.Routing.Cosmos.Tests.Configuration;

/// <summary>
/// Bicep pre-creates the Cosmos DB containers (keys are off, so the app cannot): their names and
/// indexed paths must be the adapter's, or routing fails in Azure while every local test passes.
/// </summary>
public partial class InfrastructureDriftTests
{
    private static readonly string MainBicep = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.bicep"));

    [Fact]
    public void Bicep_Containers_AreTheAdaptersContainers()
    {
        var options = new CosmosRoutingOptions();

        var declared = ContainerNames().Matches(CosmosContainersBlock()).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);

        Assert.Equal(new[] { options.LedgerContainer, options.AccountsContainer, options.RequestsContainer, options.ClaimsContainer }.Order(StringComparer.Ordinal), declared);
    }

    [Fact]
    public void Bicep_LedgerIndexing_IsTheAdaptersIndexing()
    {
        var policy = CosmosResources.LedgerContainer("ledger").IndexingPolicy;
        var block = CosmosContainersBlock();
        var ledger = block[..block.IndexOf("name: 'importer-accounts'", StringComparison.Ordinal)];

        var included = IncludedPaths().Matches(ledger).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(policy.IncludedPaths.Select(p => p.Path), included);
        Assert.Equal(policy.CompositeIndexes.Single().Select(p => p.Path), CompositePaths().Matches(ledger).Select(m => m.Groups[1].Value));
        Assert.Contains("{ path: '/*' }", ledger, StringComparison.Ordinal);
        Assert.All(CosmosContainersBlock().Split("name: '").Skip(1), container => Assert.Contains("partitionKey: '/id'", container, StringComparison.Ordinal));
    }

    private static string CosmosContainersBlock()
    {
        var start = MainBicep.IndexOf("param cosmosContainers cosmosContainer[] = [", StringComparison.Ordinal);
        Assert.True(start >= 0, "infra/main.bicep no longer declares param cosmosContainers");
        var end = MainBicep.IndexOf("\n]\n", start, StringComparison.Ordinal);
        return MainBicep[start..end];
    }
    [GeneratedRegex(@"^\s{4}name: '([^']+)'", RegexOptions.Multiline)]
    private static partial Regex ContainerNames();

    [GeneratedRegex(@"\{ path: '(/[^']*\?)' \}")]
    private static partial Regex IncludedPaths();

    [GeneratedRegex(@"\{ path: '(/[^'?*]+)', order: 'ascending' \}")]
    private static partial Regex CompositePaths();
}
