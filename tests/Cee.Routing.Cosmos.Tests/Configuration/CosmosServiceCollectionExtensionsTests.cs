using Cee.Routing.Ports;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cee.Routing.Cosmos.Tests.Configuration;

public class CosmosServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddCeeCosmos(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddCeeCosmos_ValidSettings_RegistersOneClientAndOneInstanceOfEachAdapter()
    {
        using var services = Build(new()
        {
            ["Cosmos:AccountEndpoint"] = "https://cee-prod.documents.azure.com:443/",
            ["Cosmos:ManagedIdentityClientId"] = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
            ["Cosmos:DatabaseName"] = "cee-prod",
            ["Cosmos:MaxRetries"] = "5",
        });

        var ledger = services.GetRequiredService<IRoutingLedger>();

        Assert.Same(ledger, services.GetRequiredService<ILedgerQueries>());
        Assert.Same(ledger, services.GetRequiredService<CosmosRoutingLedger>());
        Assert.IsType<CosmosImporterAccountDirectory>(services.GetRequiredService<IImporterAccountDirectory>());
        Assert.IsType<CosmosCbpRequestDirectory>(services.GetRequiredService<ICbpRequestDirectory>());
        Assert.NotNull(services.GetRequiredService<CosmosDirectorySeeder>());
        Assert.Same(services.GetRequiredService<CosmosClient>(), services.GetRequiredService<CosmosClient>());
        var options = services.GetRequiredService<IOptions<CosmosRoutingOptions>>().Value;
        Assert.Equal(("cee-prod", 5, "ledger"), (options.DatabaseName, options.MaxRetries, options.LedgerContainer));
    }

    [Fact]
    public void AddCeeCosmos_EmulatorKeyForAnAzureEndpoint_FailsValidationNamingTheSetting()
    {
        using var services = Build(new()
        {
            ["Cosmos:AccountEndpoint"] = "https://cee-prod.documents.azure.com:443/",
            ["Cosmos:EmulatorKey"] = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IRoutingLedger>());

        Assert.Contains(ex.Failures, f => f.Contains("Cosmos:EmulatorKey", StringComparison.Ordinal));
    }

    [Fact]
    public void AddCeeCosmos_ValidateOnStart_RegistersTheStartupValidation()
    {
        using var services = Build(new());

        var validator = services.GetRequiredService<IStartupValidator>();

        Assert.Throws<OptionsValidationException>(validator.Validate);
    }
}
