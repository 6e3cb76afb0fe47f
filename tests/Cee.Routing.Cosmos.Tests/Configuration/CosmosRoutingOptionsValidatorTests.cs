namespace Cee.Routing.Cosmos.Tests.Configuration;

public class CosmosRoutingOptionsValidatorTests
{
    private const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static List<string> Failures(CosmosRoutingOptions options) =>
        new CosmosRoutingOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_AzureEndpointWithManagedIdentity_Succeeds()
    {
        var options = new CosmosRoutingOptions
        {
            AccountEndpoint = new Uri("https://cee-prod.documents.azure.com:443/"),
            ManagedIdentityClientId = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
        };

        Assert.Empty(Failures(options));
        Assert.Equal(("cee", "ledger", "importer-accounts", "cbp-requests"), (options.DatabaseName, options.LedgerContainer, options.AccountsContainer, options.RequestsContainer));
    }

    [Theory]
    [InlineData("https://localhost:8081/")]
    [InlineData("http://127.0.0.1:45287/")]
    [InlineData("https://[::1]:8081/")]
    public void Validate_EmulatorKeyWithLoopbackEndpoint_Succeeds(string endpoint)
    {
        Assert.Empty(Failures(new CosmosRoutingOptions { AccountEndpoint = new Uri(endpoint), EmulatorKey = Key }));
    }

    [Fact]
    public void Validate_EmulatorKeyWithAzureEndpoint_IsRefused()
    {
        var failure = Assert.Single(Failures(new CosmosRoutingOptions { AccountEndpoint = new Uri("https://cee-prod.documents.azure.com:443/"), EmulatorKey = Key }));

        Assert.Contains("Cosmos:EmulatorKey", failure, StringComparison.Ordinal);
        Assert.Contains("cee-prod.documents.azure.com", failure, StringComparison.Ordinal);
        Assert.Contains("not loopback", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpToANonLoopbackHost_IsRefused()
    {
        var failure = Assert.Single(Failures(new CosmosRoutingOptions { AccountEndpoint = new Uri("http://cee-prod.documents.azure.com/") }));

        Assert.Contains("uses http", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NothingConfigured_NamesTheMissingEndpoint()
    {
        Assert.Contains("Cosmos:AccountEndpoint is required", Assert.Single(Failures(new CosmosRoutingOptions())), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadNamesAndNumbers_NamesEachSetting()
    {
        var failures = Failures(new CosmosRoutingOptions
        {
            AccountEndpoint = new Uri("https://cee-prod.documents.azure.com:443/"),
            DatabaseName = "cee/prod",
            AccountsContainer = "ledger",
            ManagedIdentityClientId = "cee-functions",
            MaxConflictRetries = 0,
            EmulatorKey = null,
            RetryBaseDelay = TimeSpan.FromSeconds(30),
            MaxRetryDelay = TimeSpan.FromSeconds(10),
        });

        Assert.Contains(failures, f => f.Contains("Cosmos:DatabaseName", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("four different containers", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ManagedIdentityClientId", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("MaxConflictRetries", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("RetryBaseDelay must not exceed", StringComparison.Ordinal));
    }
}
