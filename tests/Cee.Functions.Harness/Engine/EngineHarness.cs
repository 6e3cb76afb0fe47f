using System.Net;
using System.Net.Sockets;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Cee.Functions.Activities;
using Cee.Functions.Harness.Logging;
using Cee.Functions.Harness.Proxy;
using Cee.Functions.Harness.ServiceBus;
using Cee.Functions.Hosting;
using Cee.Functions.Intake;
using Cee.Functions.Orchestration;
using Cee.Functions.Storage;
using Cee.Routing.Accounts;
using Cee.Routing.Cosmos;
using Cee.Routing.Drops;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Cee.Routing.Requests;
using Cee.Routing.Workflow;
using Cee.Tests;
using Microsoft.Azure.Cosmos;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cee.Functions.Harness.Engine;

/// <summary>
/// The Functions app in the real Durable engine: <c>AddCeeFunctions</c> (the app's own DI: the real
/// activities over the real Blob Storage and Cosmos DB adapters, the HTSUS rules, the options,
/// validated at start) inside <see cref="DurableTaskTestHost"/> (the Durable Task worker and client
/// the app uses, over an in-memory backend, with real replay), the <c>RouteDrop</c> orchestrator
/// and every activity function of <see cref="RoutingActivities"/> registered under their function
/// names, and Durable payloads written by the app's own worker serializer. Blob Storage is Azurite
/// and Cosmos DB is the test server, each behind a <see cref="FaultProxy"/> that counts calls and
/// can fail them. Only the Service Bus senders are replaced: they record (no broker can be had here).
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    /// <summary>What the local emulators' sample settings give; the client never connects (the senders record).</summary>
    private const string UnusedServiceBusConnection = "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    private const string SidecarConsoleLevelVariable = "Logging__Console__LogLevel__Default";

    private readonly DurableTaskTestHost _host;
    private readonly ILoggerFactory _loggerFactory;

    private EngineHarness(
        DurableTaskTestHost host, ILoggerFactory loggerFactory, FaultProxy blobProxy, FaultProxy cosmosProxy, EngineCounters counters,
        RecordingServiceBusSenders messages, CapturingLoggerProvider logs, string portDropsConnection, BlobServiceClient directBlobs)
    {
        _host = host;
        _loggerFactory = loggerFactory;
        BlobProxy = blobProxy;
        CosmosProxy = cosmosProxy;
        Counters = counters;
        Messages = messages;
        Logs = logs;
        PortDropsConnection = portDropsConnection;
        Blobs = directBlobs;
    }

    /// <summary>The test host's client: what <c>[DurableClient]</c> binds in the app.</summary>
    public DurableTaskClient Client => _host.Client;

    /// <summary>The app's service provider (the worker host's).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Azurite, straight (not through the proxy): for arranging and asserting without counting.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>The <c>PortDrops</c> connection string the app runs with (through the proxy).</summary>
    public string PortDropsConnection { get; }

    public FaultProxy BlobProxy { get; }

    public FaultProxy CosmosProxy { get; }

    public EngineCounters Counters { get; }

    public RecordingServiceBusSenders Messages { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The app's ledger (Cosmos DB).</summary>
    public IRoutingLedger Ledger => Services.GetRequiredService<IRoutingLedger>();

    public RoutingWorkflowOptions RoutingOptions => Services.GetRequiredService<RoutingWorkflowOptions>();

    public static async Task<EngineHarness> StartAsync(EngineHarnessOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EngineHarnessOptions();
        var blobEndpoint = TestServiceEndpoints.RequireAzuriteBlob();
        var cosmosEndpoint = TestServiceEndpoints.RequireCosmos();
        var blobProxy = await FaultProxy.StartAsync("blob", blobEndpoint, cancellationToken);
        var cosmosProxy = await FaultProxy.StartAsync("cosmos", cosmosEndpoint, cancellationToken);

        var portDrops = TestServiceEndpoints.AzuriteConnectionString(blobProxy.Endpoint);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["PortDrops"] = portDrops,
            ["ServiceBus"] = UnusedServiceBusConnection,
            ["Cosmos:AccountEndpoint"] = cosmosProxy.Endpoint.AbsoluteUri,
            ["Cosmos:EmulatorKey"] = TestServiceEndpoints.CosmosEmulatorKey,
            ["Cosmos:DatabaseName"] = $"cee-engine-{Guid.NewGuid():N}"[..24],
            ["Routing:ReviewTimeout"] = options.ReviewTimeout,
            ["Routing:ReviewFallback"] = options.ReviewFallback,
            ["Routing:MaxEscalations"] = options.MaxEscalations?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        // The test host's gRPC sidecar logs every request to the console (Host.CreateDefaultBuilder, which
        // reads Logging__* from the environment); warnings and errors are enough there.
        if (Environment.GetEnvironmentVariable(SidecarConsoleLevelVariable) is null)
        {
            Environment.SetEnvironmentVariable(SidecarConsoleLevelVariable, "Warning");
        }

        var counters = new EngineCounters();
        var messages = new RecordingServiceBusSenders();
        var logs = new CapturingLoggerProvider(options.LogLevel);
        var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(options.LogLevel));

        var host = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                registry.AddOrchestratorFunc<RouteDropInput, RoutingOutcome>(RouteDropOrchestrator.Name, async (context, _) =>
                {
                    counters.EpisodeStarted(context.InstanceId, context.IsReplaying);
                    try
                    {
                        return await RouteDropOrchestrator.RunAsync(context);
                    }
                    finally
                    {
                        counters.OrchestrationReturned(context.InstanceId);
                    }
                });
                foreach (var (name, method) in FunctionActivity.DeclaredOn(typeof(RoutingActivities)))
                {
                    registry.AddActivity(name, services => FunctionActivity.Create(name, method, services, counters));
                }
            },
            new DurableTaskTestHostOptions
            {
                Port = FreeLoopbackPort(),
                LoggerFactory = loggerFactory,
                ConfigureServices = services => ConfigureApp(services, configuration, messages),
            },
            cancellationToken);

        var directBlobs = new BlobServiceClient(TestServiceEndpoints.AzuriteConnectionString(blobEndpoint));
        var harness = new EngineHarness(host, loggerFactory, blobProxy, cosmosProxy, counters, messages, logs, portDrops, directBlobs);
        await harness.PrepareStoresAsync(options, cancellationToken);
        return harness;
    }

    /// <summary>Uploads a drop to <c>port-drops/{blobName}</c> (straight to Azurite), replacing what is there.</summary>
    public async Task<BlobClient> UploadDropAsync(string blobName, byte[] content, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var blob = Blobs.GetBlobContainerClient(StorageLayout.PortDrops).GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromBytes(content), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = metadata }, cancellationToken);
        return blob;
    }

    /// <summary>
    /// Delivers a BlobCreated for <c>port-drops/{blobName}</c> as Event Grid does: the blob extension
    /// binds a <see cref="BlobClient"/> from the <c>PortDrops</c> connection, and the trigger's
    /// handler runs with the host's <see cref="DurableTaskClient"/>.
    /// </summary>
    public Task<DropTriggerResult> DeliverBlobCreatedAsync(string blobName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        var (port, name) = (blobName[..slash], blobName[(slash + 1)..]);
        var blob = new BlobClient(PortDropsConnection, StorageLayout.PortDrops, blobName);
        return Services.GetRequiredService<DropIntakeTrigger>().HandleAsync(blob, port, name, Client, cancellationToken);
    }

    /// <summary>Waits until the drop's orchestration has returned, or its documents wait for a person.</summary>
    public async Task WaitForSettledAsync(string dropId, TimeSpan timeout)
    {
        var settled = Counters.WhenSettledAsync(dropId);
        if (await Task.WhenAny(settled, Task.Delay(timeout)) != settled)
        {
            var state = await Client.GetInstanceAsync(dropId, getInputsAndOutputs: true);
            throw new TimeoutException($"Drop {dropId} did not settle within {timeout}: its orchestration is {state?.RuntimeStatus.ToString() ?? "not there"}{(state?.FailureDetails is { } f ? $" ({f.ErrorType}: {f.ErrorMessage})" : string.Empty)}.");
        }
    }

    /// <summary>Waits for the orchestration to end and returns its metadata (with input and output).</summary>
    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string dropId, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return await Client.WaitForInstanceCompletionAsync(dropId, getInputsAndOutputs: true, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            var state = await Client.GetInstanceAsync(dropId, getInputsAndOutputs: false);
            throw new TimeoutException($"Drop {dropId} did not complete within {timeout}: its orchestration is {state?.RuntimeStatus.ToString() ?? "not there"}.");
        }
    }

    /// <summary>The ledger records of a drop: one per document (<c>{dropId}-001</c>, …), or the drop's own record when it had none.</summary>
    public async Task<IReadOnlyList<LedgerRecord>> LedgerRecordsAsync(string dropId, CancellationToken cancellationToken = default)
    {
        var records = new List<LedgerRecord>();
        for (var ordinal = 1; await Ledger.GetAsync(DropIds.DocumentId(dropId, ordinal), cancellationToken) is { } record; ordinal++)
        {
            records.Add(record);
        }

        if (records.Count == 0 && await Ledger.GetAsync(dropId, cancellationToken) is { } dropRecord)
        {
            records.Add(dropRecord);
        }

        return records;
    }

    /// <summary>What intake made of the drop, as the engine's <c>OpenAndStoreDrop</c> returned it (its last successful execution).</summary>
    public IntakeResult IntakeOf(string dropId) =>
        Counters.AttemptsOf(dropId).LastOrDefault(a => a.Activity == ActivityNames.OpenAndStoreDrop && a.Output is not null)?.Output as IntakeResult
        ?? throw new InvalidOperationException($"Drop {dropId} was not read by the engine.");

    /// <summary>Ends every orchestration still running (drops waiting for a person), so the host stops promptly.</summary>
    public async Task TerminateRunningAsync()
    {
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending] }))
        {
            await Client.TerminateInstanceAsync(instance.InstanceId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TerminateRunningAsync();
            var cosmos = Services.GetRequiredService<IOptions<CosmosRoutingOptions>>().Value;
            await Services.GetRequiredService<CosmosClient>().GetDatabase(cosmos.DatabaseName).DeleteStreamAsync();
        }
        finally
        {
            await _host.DisposeAsync();
            await BlobProxy.DisposeAsync();
            await CosmosProxy.DisposeAsync();
            _loggerFactory.Dispose();
        }
    }

    private static void ConfigureApp(IServiceCollection services, IConfiguration configuration, RecordingServiceBusSenders messages)
    {
        services.AddCeeFunctions(configuration);

        // The one replacement: the named Service Bus senders record instead of sending.
        services.RemoveAll<IAzureClientFactory<ServiceBusSender>>();
        services.AddSingleton<IAzureClientFactory<ServiceBusSender>>(messages);

        // As the Durable extension for Functions does: worker and client convert payloads with WorkerOptions.Serializer.
        services.AddOptions<DurableTaskWorkerOptions>().PostConfigure<IOptions<WorkerOptions>>((durable, worker) =>
            durable.DataConverter = new WorkerSerializerConverter(worker.Value.Serializer ?? throw new InvalidOperationException("The app sets no WorkerOptions.Serializer.")));
        services.AddOptions<DurableTaskClientOptions>().PostConfigure<IOptions<WorkerOptions>>((durable, worker) =>
            durable.DataConverter = new WorkerSerializerConverter(worker.Value.Serializer ?? throw new InvalidOperationException("The app sets no WorkerOptions.Serializer.")));
    }

    // A port the OS just handed out on loopback; the test host's gRPC sidecar listens there (never a fixed port two runs could share).
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task PrepareStoresAsync(EngineHarnessOptions options, CancellationToken cancellationToken)
    {
        // Empty containers: what an earlier harness in this run left must not be read as this one's.
        foreach (var name in new[] { StorageLayout.PortDrops, StorageLayout.Documents, StorageLayout.Quarantine, StorageLayout.PortResponses })
        {
            var container = Blobs.GetBlobContainerClient(name);
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            }
        }

        await Services.GetRequiredService<CosmosResources>().EnsureCreatedAsync(cancellationToken);
        var keys = Services.GetRequiredService<ImporterLookupKeys>();
        var accounts = ImporterAccountFile.Load(options.AccountsFile ?? RepositoryPaths.Combine("samples", "accounts.json"), keys);
        var requests = CbpRequestFile.Load(options.RequestsFile ?? RepositoryPaths.Combine("samples", "requests.json"));
        if (accounts.Errors.Count > 0 || requests.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The directory files have errors: {string.Join("; ", accounts.Errors.Concat(requests.Errors))}");
        }

        var seeder = Services.GetRequiredService<CosmosDirectorySeeder>();
        await seeder.SeedAccountsAsync(accounts.Items, null, cancellationToken);
        await seeder.SeedRequestsAsync(requests.Items, null, cancellationToken);
        BlobProxy.ResetCounts();
        CosmosProxy.ResetCounts();
        Logs.Clear();
    }
}
