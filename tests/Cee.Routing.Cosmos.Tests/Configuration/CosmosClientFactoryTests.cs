using Microsoft.Azure.Cosmos;

namespace Cee.Routing.Cosmos.Tests.Configuration;

public class CosmosClientFactoryTests
{
    private const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    [Fact]
    public void Create_Emulator_UsesGatewayModeLimitedToTheEndpointAndTheContractSerializer()
    {
        using var client = CosmosClientFactory.Create(new CosmosRoutingOptions { AccountEndpoint = new Uri("http://127.0.0.1:45287/"), EmulatorKey = Key });

        Assert.Equal(ConnectionMode.Gateway, client.ClientOptions.ConnectionMode);
        Assert.True(client.ClientOptions.LimitToEndpoint);
        Assert.Same(ContractCosmosSerializer.Default, client.ClientOptions.Serializer);
        Assert.Equal(new Uri("http://127.0.0.1:45287/"), client.Endpoint);
    }

    [Fact]
    public void Create_AzureWithoutKey_UsesDirectModeAndTheRateLimitSettings()
    {
        using var client = CosmosClientFactory.Create(new CosmosRoutingOptions
        {
            AccountEndpoint = new Uri("https://cee-prod.documents.azure.com:443/"),
            ManagedIdentityClientId = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
            MaxRetryAttemptsOnRateLimitedRequests = 5,
            MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.FromSeconds(12),
        });

        Assert.Equal(ConnectionMode.Direct, client.ClientOptions.ConnectionMode);
        Assert.False(client.ClientOptions.LimitToEndpoint);
        Assert.Equal(5, client.ClientOptions.MaxRetryAttemptsOnRateLimitedRequests);
        Assert.Equal(TimeSpan.FromSeconds(12), client.ClientOptions.MaxRetryWaitTimeOnRateLimitedRequests);
    }

    [Fact]
    public void Create_EmulatorKeyForANonLoopbackEndpoint_IsRefusedEvenWithoutValidation()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            CosmosClientFactory.Create(new CosmosRoutingOptions { AccountEndpoint = new Uri("https://cee-prod.documents.azure.com:443/"), EmulatorKey = Key }));

        Assert.Contains("cee-prod.documents.azure.com", ex.Message, StringComparison.Ordinal);
    }
}
