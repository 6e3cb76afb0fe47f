using Azure.Messaging.ServiceBus;
using Cee.Functions.Activities;
using Cee.Functions.Hosting;
using Cee.Functions.Http;
using Cee.Functions.Identity;
using Cee.Functions.Intake;
using Cee.Functions.Storage;
using Cee.Functions.Tests.Support;
using Cee.Routing.Centers;
using Cee.Routing.Cosmos;
using Cee.Routing.Htsus;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;
using Cee.Routing.Ports;
using Cee.Routing.Review;
using Cee.Routing.Workflow;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cee.Functions.Tests.Hosting;

/// <summary>
/// AddCeeFunctions with the local settings sample's values: everything resolves, nothing connects.
/// The provider is disposed asynchronously: ServiceBusClient and its senders are only IAsyncDisposable.
/// </summary>
public class ServiceRegistrationTests
{
    private static readonly Dictionary<string, string?> LocalSettings = new()
    {
        ["PortDrops"] = "UseDevelopmentStorage=true",
        ["ServiceBus"] = "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;",
        ["Routing:ReviewFallback"] = "best-hts-guess",
        ["Routing:ReviewTimeout"] = "04:00:00",
        ["Cosmos:AccountEndpoint"] = "https://localhost:8081/",
        ["Cosmos:EmulatorKey"] = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
    };

    [Fact]
    public async Task AddCeeFunctions_LocalSettings_ResolvesTheAdaptersAndTriggers()
    {
        await using var provider = Build(LocalSettings);

        Assert.Equal(ReviewFallback.BestHtsGuess, provider.GetRequiredService<RoutingWorkflowOptions>().ReviewFallback);
        Assert.Equal(TimeSpan.FromHours(4), provider.GetRequiredService<RoutingWorkflowOptions>().ReviewTimeout);
        Assert.Same(HtsRuleTable.Embedded, provider.GetRequiredService<HtsRuleTable>());
        Assert.True(provider.GetRequiredService<ImporterLookupKeys>().IsDevelopment);
        Assert.Same(provider.GetRequiredService<ImporterLookupKeys>(), provider.GetRequiredService<IntakeOptions>().ImporterKeys);
        Assert.IsType<BlobDropStore>(provider.GetRequiredService<IDropStore>());
        Assert.NotNull(provider.GetRequiredService<ITopicPublisher>());
        Assert.NotNull(provider.GetRequiredService<IHtsClassifier>());
        Assert.NotNull(provider.GetRequiredService<DropIntakeTrigger>());
        Assert.NotNull(provider.GetRequiredService<ReviewSubmission>());
        Assert.NotNull(provider.GetRequiredService<ApiAccess>());
        Assert.NotNull(provider.GetRequiredService<ILedgerQueries>());
        Assert.NotNull(ActivatorUtilities.CreateInstance<RoutingActivities>(provider));
    }

    [Fact]
    public async Task AddCeeFunctions_EveryTopologyTopic_HasANamedSender()
    {
        await using var provider = Build(LocalSettings);
        var senders = provider.GetRequiredService<IAzureClientFactory<ServiceBusSender>>();
        var catalog = CenterCatalog.Default;

        foreach (var topic in catalog.All.Select(c => c.Topic).Append(catalog.TriageTopic))
        {
            Assert.Equal(topic, senders.CreateClient(topic).EntityPath);
        }
    }

    [Fact]
    public async Task AddCeeFunctions_InAzureWithoutImporterSecret_RefusesTheDevelopmentKey()
    {
        await using var provider = Build(new Dictionary<string, string?>(LocalSettings) { [HostingPlatform.InstanceIdSetting] = "a1b2c3" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ImporterLookupKeys>());
    }

    [Fact]
    public async Task AddCeeFunctions_StartupCheck_ResolvesAndStartsWithTheSignInMode()
    {
        await using var provider = Build(LocalSettings);

        var check = Assert.Single(provider.GetServices<IHostedService>().OfType<StartupCheck>());
        await check.StartAsync(CancellationToken.None);
        Assert.True(provider.GetRequiredService<CallerAuthenticator>().SignsNobodyIn);
    }

    [Fact]
    public async Task AddCeeFunctions_LocalDevelopmentPrincipal_SignsLocalCallersIn()
    {
        await using var provider = Build(new Dictionary<string, string?>(LocalSettings).Concat(Principals.Local()).ToDictionary());

        Assert.Contains("development principal " + Principals.DeveloperObjectId, provider.GetRequiredService<CallerAuthenticator>().DescribeMode(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCeeFunctions_DevelopmentPrincipalInAzure_FailsStartUp()
    {
        var settings = new Dictionary<string, string?>(LocalSettings).Concat(Principals.Local()).Concat(Principals.Azure()).ToDictionary();

        await using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CallerAuthenticator>());
        Assert.Contains("never honoured in Azure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCeeFunctions_InAzureWithoutTenant_FailsStartUp()
    {
        await using var provider = Build(new Dictionary<string, string?>(LocalSettings).Concat(Principals.Azure(tenant: null)).ToDictionary());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CallerAuthenticator>());
        Assert.Contains("Authentication__TenantId is required in Azure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCeeFunctions_BadRoutingSetting_FailsNamingIt()
    {
        await using var provider = Build(new Dictionary<string, string?>(LocalSettings) { ["Routing:ReviewFallback"] = "coin-flip" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<RoutingWorkflowOptions>());
        Assert.Contains("Routing__ReviewFallback", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCeeFunctions(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
