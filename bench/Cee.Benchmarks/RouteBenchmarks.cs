using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Cee.Cli.Local;
using Cee.Routing.Drops;
using Cee.Routing.Htsus;
using Cee.Routing.Intake;
using Cee.Routing.Workflow;

namespace Cee.Benchmarks;

/// <summary>
/// Target (issue 7): <c>cee route</c>'s embedded mode routes 10,000 small generated drops end to end at
/// 2,000 drops per second or more on a 2-core machine; issue 13: the SQLite ledger costs at most 20% of
/// the JSON-lines figure on disk. One operation is one drop (Op/s = drops/s).
/// The output folder is a parameter: <c>tmpfs</c> (<c>/dev/shm</c>) measures the pipeline,
/// <c>disk</c> adds the file system, which on a slow virtual disk bounds the rate by how fast it
/// creates files (every routed drop writes its document and its message: two new files).
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RouteBenchmarks
{
    public const int Drops = 10_000;
    public const int Seed = 2026;

    private IReadOnlyList<DropReference> _drops = [];
    private LocalRouteSettings? _settings;

    [Params("tmpfs", "disk")]
    public string Output { get; set; } = "tmpfs";

    /// <summary>The generated drops, written once per machine and reused: generation is not what is measured.</summary>
    public static string InputFolder => Path.Combine(Path.GetTempPath(), $"cee-bench-route-{Drops}-{Seed}");

    public static string OutputFolder(string output) => output == "tmpfs" && Directory.Exists("/dev/shm")
        ? "/dev/shm/cee-bench-route-out"
        : Path.Combine(Path.GetTempPath(), "cee-bench-route-out");

    private LocalRouteSettings? _run;
    private int _iteration;

    [GlobalSetup]
    public void Setup()
    {
        _settings = PrepareAsync(OutputFolder(Output)).GetAwaiter().GetResult();
        _drops = LocalRouteRunner.FindDrops(_settings.DropsDirectory, _settings.OutDirectory);
        DeleteOutputs();
    }

    /// <summary>
    /// Each iteration routes into a new folder and nothing is deleted until every iteration is done.
    /// On an ext4 file system without a journal (this machine's), creating a file skips every inode
    /// freed in the last 30 seconds (<c>recently_deleted</c> in <c>find_inode_bit</c>), one by one: right
    /// after deleting the previous iteration's 30,000 files, each new file scanned past them, and half the
    /// run's CPU went to that scan (perf, 2026-12-04). That measures the benchmark's own clean-up, not
    /// <c>cee route</c> routing into a folder, so the clean-up waits for <see cref="Cleanup"/>. The
    /// previous iteration's dirty pages are flushed first (sync), so no iteration pays for another's writeback.
    /// </summary>
    [IterationSetup]
    public void NewOutput()
    {
        _run = _settings! with { OutDirectory = Path.Combine(_settings!.OutDirectory, $"run-{++_iteration:D3}") };
        if (OperatingSystem.IsLinux())
        {
            NativeMethods.Sync();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => DeleteOutputs();

    [Benchmark(OperationsPerInvoke = Drops)]
    public async Task<int> RouteGeneratedDrops()
    {
        Directory.CreateDirectory(_run!.OutDirectory);
        using var held = OutFolderLock.TryAcquire(_run.OutDirectory, "bench") ?? throw new InvalidOperationException("the bench output folder is in use");
        return (await LocalRouteRunner.RouteAsync(_run, _drops, held, null, CancellationToken.None)).Results.Count;
    }

    private void DeleteOutputs()
    {
        if (Directory.Exists(_settings!.OutDirectory))
        {
            Directory.Delete(_settings.OutDirectory, recursive: true);
        }
    }

    /// <summary>Generates the drops when they are not there yet, and the settings <c>cee route</c> would use.</summary>
    internal static async Task<LocalRouteSettings> PrepareAsync(string output)
    {
        var input = InputFolder;
        if (!File.Exists(Path.Combine(input, "requests.json")))
        {
            foreach (var file in Samples.LoadGenerator.Generate(Drops, Seed).Files)
            {
                var path = Path.Combine(input, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, file.Content);
            }
        }

        var keys = IntakeOptions.Default.ImporterKeys;
        return new LocalRouteSettings(
            Path.Combine(input, "drops"),
            output,
            Routing.Accounts.ImporterAccountFile.Load(Path.Combine(input, "accounts.json"), keys).Items,
            Routing.Requests.CbpRequestFile.Load(Path.Combine(input, "requests.json")).Items,
            HtsRuleTable.Embedded,
            IntakeOptions.Default,
            new RoutingWorkflowOptions(),
            Environment.ProcessorCount * 4);
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
