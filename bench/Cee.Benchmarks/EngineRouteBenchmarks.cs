using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Cee.Functions.Harness.Engine;
using Cee.Functions.Intake;
using Cee.Functions.Storage;
using Microsoft.Extensions.Logging;

namespace Cee.Benchmarks;

/// <summary>
/// Issue 12: the Functions app routing 1,000 generated drops (<c>cee samples generate</c>'s mixture)
/// through the real engine: the Durable worker and client in the in-process test host (real replay,
/// in-memory backend), the app's own DI, Blob Storage on Azurite and Cosmos DB on the test server,
/// each behind the harness's counting proxy; Service Bus recorded at the sender. One operation is one
/// drop (Op/s = drops per second): every blob's BlobCreated is delivered to the trigger's handler
/// (at most <see cref="InFlight"/> at once, as Event Grid pushes them) and the iteration ends when
/// every drop has settled (its orchestration returned, or its documents wait for a person). Uploading
/// the drops and starting the engine are outside the measurement. After each iteration it prints
/// the counts per drop the cost model (docs/cost.md) uses.
/// Needs Azurite and the Cosmos server: <c>./eng/bench-engine.sh --filter '*EngineRoute*'</c>.
/// </summary>
[Config(typeof(Config))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class EngineRouteBenchmarks
{
    public const int Drops = 1_000;
    public const int Seed = 2026;
    public const int InFlight = 32;

    private List<(string Name, byte[] Content)> _blobs = [];
    private string _folder = string.Empty;
    private EngineHarness? _harness;
    private List<string> _dropIds = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"cee-bench-engine-{Drops}-{Seed}");
        Directory.CreateDirectory(_folder);
        _blobs = [];
        foreach (var file in Samples.LoadGenerator.Generate(Drops, Seed).Files)
        {
            if (file.Path.StartsWith("drops/", StringComparison.Ordinal))
            {
                _blobs.Add((file.Path["drops/".Length..], file.Content));
            }
            else
            {
                File.WriteAllBytes(Path.Combine(_folder, file.Path), file.Content);
            }
        }

        // Manifests first, as ports are asked to upload them.
        _blobs = [.. _blobs.OrderBy(b => StorageLayout.IsSidecarManifest(b.Name) ? 0 : 1).ThenBy(b => b.Name, StringComparer.Ordinal)];
    }

    [IterationSetup]
    public void StartEngine() => StartEngineAsync().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Drops)]
    public async Task<int> RouteGeneratedDrops()
    {
        var harness = _harness!;
        var dropIds = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(_blobs, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (blob, cancellationToken) =>
        {
            var result = await harness.DeliverBlobCreatedAsync(blob.Name, cancellationToken);
            if (result.Outcome == DropTriggerOutcome.Started)
            {
                dropIds.Add(result.Drop!.DropId);
                await harness.WaitForSettledAsync(result.Drop.DropId, TimeSpan.FromMinutes(10));
            }
        });
        _dropIds = [.. dropIds];
        return _dropIds.Count;
    }

    [IterationCleanup]
    public void Report()
    {
        var harness = _harness!;
        Console.WriteLine(EngineCounts.Of(harness, _dropIds).Describe());
        harness.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _harness = null;
    }

    private async Task StartEngineAsync()
    {
        _harness = await EngineHarness.StartAsync(new EngineHarnessOptions
        {
            AccountsFile = Path.Combine(_folder, "accounts.json"),
            RequestsFile = Path.Combine(_folder, "requests.json"),
            LogLevel = LogLevel.Warning,
        });
        await Parallel.ForEachAsync(_blobs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (blob, cancellationToken) =>
            await _harness.UploadDropAsync(blob.Name, blob.Content, cancellationToken: cancellationToken));
        _harness.BlobProxy.ResetCounts();
        _harness.CosmosProxy.ResetCounts();
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
