using Cee.Functions.Storage;

namespace Cee.Functions.Tests.Deployment;

/// <summary>
/// The answers to the ports in the compiled infrastructure: the <c>port-responses</c> container is
/// created and the app may write it; each port may read only blobs under its own code, in the same
/// condition style as its writes to <c>port-drops</c>.
/// </summary>
[Collection(CompiledBicepGroup.Name)]
public sealed class PortResponseAccessTests(CompiledBicep bicep)
{
    [Fact]
    public void DataContainers_IncludePortResponses_WhichTheAppWrites()
    {
        var containers = bicep.Template.GetProperty("variables").GetProperty("dataContainers").EnumerateArray().Select(c => c.GetString()).ToList();

        Assert.Contains("[variables('portResponsesContainer')]", containers);
        Assert.Equal(StorageLayout.PortResponses, bicep.Template.GetProperty("variables").GetProperty("portResponsesContainer").GetString());
        Assert.Equal("[variables('dataContainers')]", bicep.ModuleArgument("access", "appDataContainerNames"));
    }

    [Fact]
    public void PortResponseReaders_EachPort_ReadsOnlyUnderItsOwnCode()
    {
        var access = bicep.Module("access");
        var (_, readers) = Assert.Single(CompiledBicep.Resources(access), r => r.Symbol == "portResponseReaders");
        var properties = readers.GetProperty("properties");
        var condition = properties.GetProperty("condition").GetString()!;

        // Reader role (read only), scoped to the port-responses container, not the account.
        Assert.Contains("storageBlobDataReader", properties.GetProperty("roleDefinitionId").GetString(), StringComparison.Ordinal);
        Assert.Contains("2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", access.GetProperty("variables").GetProperty("roles").GetProperty("storageBlobDataReader").GetString(), StringComparison.Ordinal);
        Assert.Contains("portResponsesContainerName", readers.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Contains("blobs/read", condition, StringComparison.Ordinal);
        Assert.Contains("StringLike", condition, StringComparison.Ordinal);
        Assert.Contains("code", condition, StringComparison.Ordinal);
        Assert.Contains("portResponsesContainerName", condition, StringComparison.Ordinal);
        Assert.Equal("2.0", properties.GetProperty("conditionVersion").GetString());
    }
}
