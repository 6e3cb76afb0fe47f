using Azure.Core.Serialization;
using Azure.Messaging.ServiceBus;
using Azure.Monitor.OpenTelemetry.Exporter;
using Azure.Storage.Blobs;
using Cee.Functions.Http;
using Cee.Functions.Identity;
using Cee.Functions.Intake;
using Cee.Functions.Messaging;
using Cee.Functions.Reconcile;
using Cee.Functions.Storage;
using Cee.Routing.Centers;
using Cee.Routing.Cosmos;
using Cee.Routing.Htsus;
using Cee.Routing.Identifiers;
using Cee.Routing.Inbox;
using Cee.Routing.Intake;
using Cee.Routing.Messages;
using Cee.Routing.Ports;
using Cee.Routing.Reconcile;
using Cee.Routing.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace Cee.Functions.Hosting;

/// <summary>Every registration of the Functions app, with its settings read and checked at start-up.</summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddCeeFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Durable payloads, activity inputs and bindings: the contracts' System.Text.Json options.
        services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(ContractJson.Options));
        services.AddSingleton(TimeProvider.System);

        AddSettings(services, configuration);
        AddAzureClients(services, configuration);
        AddTelemetry(services, configuration);

        // Adapters: the ports the activities delegate to (the orchestration uses DurableRoutingPorts instead).
        // Cosmos DB: the routing ledger and its queries, importer accounts, CBP requests, one CosmosClient.
        services.AddCeeCosmos(configuration);
        services.AddSingleton<BlobQuarantine>();
        services.AddSingleton<IDropStore, BlobDropStore>();
        services.AddSingleton<IPortResponder, BlobPortResponder>();
        services.AddSingleton<IHtsClassifier>(provider => new RuleTableClassifier(provider.GetRequiredService<HtsRuleTable>()));
        services.AddSingleton<ITopicPublisher, ServiceBusTopicPublisher>();
        // The triage console's links to stored documents: user delegation SAS (ADR 14).
        services.AddSingleton<IDocumentLinks, BlobDocumentLinks>();

        // Triggers and the HTTP API; every HTTP function asks ApiAccess who the caller is first.
        services.AddSingleton<DropScheduler>();
        services.AddSingleton<DropIntakeTrigger>();
        services.AddMetrics();
        services.AddSingleton<ReconcilerMetrics>();
        services.AddSingleton<Reconciler>();
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<ApiAccess>();
        services.AddSingleton<ReviewSubmission>();
        services.AddSingleton(provider => new CenterActions(
            provider.GetRequiredService<IRoutingLedger>(),
            provider.GetRequiredService<ITopicPublisher>(),
            new TimeProviderClock(provider.GetRequiredService<TimeProvider>()),
            provider.GetRequiredService<TransferOptions>()));
        services.AddSingleton<CenterRequests>();
        services.AddSingleton<TransferReviewDecisions>();

        services.AddHostedService<StartupCheck>();
        return services;
    }

    private static void AddSettings(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutingSettings>().Bind(configuration.GetSection(RoutingWorkflowOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RoutingSettings>, RoutingSettingsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<RoutingSettings>>().Value.ToOptions());
        services.AddOptions<ActivityRetrySettings>().Bind(configuration.GetSection(ActivityRetrySettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ActivityRetrySettings>, ActivityRetrySettingsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ActivityRetrySettings>>().Value.ToRetry());
        services.AddOptions<ReconcilerOptions>().Bind(configuration.GetSection(ReconcilerOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReconcilerOptions>, ReconcilerOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ReconcilerOptions>>().Value);

        services.AddOptions<TransferSettings>().Bind(configuration.GetSection(TransferOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TransferSettings>, TransferSettingsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<TransferSettings>>().Value.ToOptions());

        services.AddOptions<ImporterKeySettings>().Bind(configuration.GetSection("Importers")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImporterKeySettings>, ImporterKeySettingsValidator>();
        services.AddSingleton(provider => ImporterKeysFactory.Create(
            provider.GetRequiredService<IOptions<ImporterKeySettings>>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<ImporterLookupKeys>()));

        // Intake: the deployment's importer keys; the reader's limits and the label table are the core's defaults (IntakeOptions).
        services.AddSingleton(provider => new IntakeOptions { ImporterKeys = provider.GetRequiredService<ImporterLookupKeys>() });

        services.AddOptions<AuthenticationSettings>().Bind(configuration.GetSection(AuthenticationSettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthenticationSettings>, AuthenticationSettingsValidator>();

        services.AddOptions<RulesSettings>().Bind(configuration.GetSection("Rules"));
        services.AddSingleton(provider => RuleTableFactory.Create(provider.GetRequiredService<IOptions<RulesSettings>>()));
    }

    // Identity-based in Azure, connection strings for the local emulators (docs/configuration.md).
    private static void AddAzureClients(IServiceCollection services, IConfiguration configuration)
    {
        var portDrops = AzureConnection.Read(configuration, "PortDrops", "blobServiceUri");
        var serviceBus = AzureConnection.Read(configuration, "ServiceBus", "fullyQualifiedNamespace");
        services.AddAzureClients(clients =>
        {
            clients.AddClient<BlobServiceClient, BlobClientOptions>(options => portDrops.ConnectionString is { } connectionString
                ? new BlobServiceClient(connectionString, options)
                : new BlobServiceClient(new Uri(portDrops.RequireEndpoint()), portDrops.CreateCredential(), options));

            clients.AddClient<ServiceBusClient, ServiceBusClientOptions>(options => serviceBus.ConnectionString is { } connectionString
                ? new ServiceBusClient(connectionString, options)
                : new ServiceBusClient(serviceBus.RequireEndpoint(), serviceBus.CreateCredential(), options));

            // One sender per topic of the topology: each Center's topic and the triage topic.
            var catalog = CenterCatalog.Default;
            foreach (var topic in catalog.All.Select(c => c.Topic).Append(catalog.TriageTopic))
            {
                clients.AddClient<ServiceBusSender, ServiceBusClientOptions>(
                    (_, provider) => provider.GetRequiredService<ServiceBusClient>().CreateSender(topic)).WithName(topic);
            }
        });
    }

    // OpenTelemetry from the worker to Application Insights when a connection string is set
    // (Entra ID ingestion when APPLICATIONINSIGHTS_AUTHENTICATION_STRING asks for it); locally the host logs to the console.
    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[TelemetrySettings.ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        var entraId = TelemetrySettings.UsesEntraId(configuration[TelemetrySettings.AuthenticationStringSetting], out var clientId);
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(ReconcilerMetrics.MeterName))
            .UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = connectionString;
                if (entraId)
                {
                    exporter.Credential = AzureConnection.CreateCredential(clientId);
                }
            });
    }
}
