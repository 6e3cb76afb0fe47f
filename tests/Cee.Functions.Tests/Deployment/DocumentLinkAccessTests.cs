namespace Cee.Functions.Tests.Deployment;

/// <summary>
/// The triage console's document links in the compiled infrastructure: the app's identity may ask
/// the data account for a user delegation key (Storage Blob Delegator, which reads no data), and
/// holds no data role on the account, so a link reads no more than the containers it was given.
/// </summary>
[Collection(CompiledBicepGroup.Name)]
public sealed class DocumentLinkAccessTests(CompiledBicep bicep)
{
    [Fact]
    public void BlobDelegator_AppIdentity_HeldOnTheDataAccountOnly()
    {
        var access = bicep.Module("access");
        var (_, delegator) = Assert.Single(CompiledBicep.Resources(access), r => r.Symbol == "appBlobDelegator");
        var properties = delegator.GetProperty("properties");

        Assert.Contains("storageBlobDelegator", properties.GetProperty("roleDefinitionId").GetString(), StringComparison.Ordinal);
        Assert.Contains("db58b8e5-c6ad-4a2a-8342-4190687cbf4a", access.GetProperty("variables").GetProperty("roles").GetProperty("storageBlobDelegator").GetString(), StringComparison.Ordinal);
        Assert.Contains("dataStorageAccountName", delegator.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Contains("appPrincipalId", properties.GetProperty("principalId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DataAccount_AppIdentity_HasNoDataRoleOnTheWholeAccount()
    {
        var access = bicep.Module("access");
        var onAccount = CompiledBicep.Resources(access)
            .Where(r => r.Resource.TryGetProperty("scope", out var scope) && scope.GetString() is { } s &&
                s.Contains("dataStorageAccountName", StringComparison.Ordinal) && !s.Contains("containers", StringComparison.Ordinal) && !s.Contains("queues", StringComparison.Ordinal))
            .Select(r => r.Symbol)
            .ToList();

        Assert.Equal(["appBlobDelegator"], onAccount);
    }
}
