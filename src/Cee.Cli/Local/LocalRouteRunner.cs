using System.Security.Cryptography;
using Cee.Routing.Drops;
using Cee.Routing.Htsus;
using Cee.Routing.Ports;
using Cee.Routing.Workflow;

namespace Cee.Cli.Local;

/// <summary>
/// Runs the core <see cref="RoutingWorkflow"/> over every drop in a folder, in-process, with local
/// ports: documents, quarantine, topics and the ledger under the output folder. The same workflow
/// the Durable orchestration runs; only the ports differ.
/// </summary>
public static class LocalRouteRunner
{
    public const string TopicsFolder = "topics";
    public const string LedgerFolder = "ledger";

    /// <summary>
    /// Finds the drops under <see cref="LocalRouteSettings.DropsDirectory"/>: every file but sidecar
    /// manifests (<c>*.cee.json</c>), hidden files and anything inside the output folder, in path order.
    /// </summary>
    public static async Task<IReadOnlyList<DropReference>> FindDropsAsync(string dropsDirectory, string outDirectory, int parallelism, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(dropsDirectory);
        var output = Path.GetFullPath(outDirectory) + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Where(f => !f.EndsWith(FolderDropStore.ManifestSuffix, StringComparison.OrdinalIgnoreCase))
            .Where(f => !f.StartsWith(output, StringComparison.Ordinal))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

        var drops = new DropReference[files.Count];
        await Parallel.ForAsync(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var (full, relative) = files[i];
            var content = await HashFileAsync(full, ct);

            // The content version covers the manifest too: a corrected manifest is a new version of the drop.
            var manifest = full + FolderDropStore.ManifestSuffix;
            var version = File.Exists(manifest) ? $"sha256:{content}+manifest:{await HashFileAsync(manifest, ct)}" : $"sha256:{content}";
            drops[i] = DropReference.For(relative, version);
        });
        return drops;
    }

    /// <summary>
    /// Routes <paramref name="drops"/>. Within one run, of several drops with the same content (file and
    /// manifest) the first by path routes and the others are its duplicates: the firsts go in a first
    /// wave, the copies after, so which one routes does not depend on thread timing.
    /// </summary>
    public static async Task<IReadOnlyList<LocalDropResult>> RouteAsync(
        LocalRouteSettings settings, IReadOnlyList<DropReference> drops, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(drops);
        Directory.CreateDirectory(settings.OutDirectory);

        // Local ports write small files synchronously (cheaper than asynchronous handles on Linux), so
        // each drop in flight can hold a pool thread while the file system works: give the pool one
        // thread per drop in flight up front rather than let it discover the need one thread at a time.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < settings.Parallelism)
        {
            ThreadPool.SetMinThreads(settings.Parallelism, completionPorts);
        }

        await using var ledger = await JsonLinesLedger.OpenAsync(Path.Combine(settings.OutDirectory, LedgerFolder), cancellationToken);
        var ports = new RoutingPorts(
            new FolderDropStore(settings.DropsDirectory, settings.OutDirectory, settings.Intake),
            new InMemoryImporterAccountDirectory(settings.Accounts),
            new InMemoryCbpRequestDirectory(settings.Requests),
            new RuleTableClassifier(settings.Rules),
            new FolderTopicPublisher(Path.Combine(settings.OutDirectory, TopicsFolder)),
            ledger,
            new NoReviewerGateway(),
            new SystemWorkflowClock(TimeProvider.System));
        var workflow = new RoutingWorkflow(ports, settings.Routing);

        var results = new LocalDropResult[drops.Count];
        var done = 0;
        var firsts = new HashSet<string>(StringComparer.Ordinal);
        var waves = drops.Select((d, i) => (Drop: d, Index: i))
            .GroupBy(x => firsts.Add(x.Drop.ContentVersion) ? 0 : 1)
            .OrderBy(g => g.Key);
        foreach (var wave in waves)
        {
            await Parallel.ForEachAsync(wave, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken }, async (item, ct) =>
            {
                results[item.Index] = await RouteOneAsync(workflow, item.Drop, ct);
                progress?.Report(Interlocked.Increment(ref done));
            });
        }

        return results;
    }

    private static async Task<LocalDropResult> RouteOneAsync(RoutingWorkflow workflow, DropReference drop, CancellationToken cancellationToken)
    {
        try
        {
            return new LocalDropResult(drop, await workflow.RunAsync(drop, cancellationToken), null);
        }
        catch (IOException ex)
        {
            // A file that vanished or cannot be read mid-run: report it and go on with the others.
            return new LocalDropResult(drop, null, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return new LocalDropResult(drop, null, ex.Message);
        }
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
