using System.IO.Enumeration;
using Cee.Cli.Ledger;
using Cee.Cli.Local.Output;
using Cee.Routing.Drops;
using Cee.Routing.Htsus;
using Cee.Routing.Ports;
using Cee.Routing.Workflow;

namespace Cee.Cli.Local;

/// <summary>
/// Runs the core <see cref="RoutingWorkflow"/> over every drop in a folder, in-process, with local
/// ports: documents, quarantine, topics and the SQLite ledger under the output folder. The same
/// workflow the Durable orchestration runs; only the ports differ.
/// <para>
/// Crash-safe: every file is renamed into place before the ledger transition that names it commits,
/// and every ledger step is one transaction, so after a kill at any moment the next run ends as an
/// uninterrupted run would have. A write into the output folder that fails (a full disk) stops the
/// run: the drops not finished are left for the next run, which resumes from the ledger.
/// </para>
/// </summary>
public static class LocalRouteRunner
{
    /// <summary>
    /// Lists the drops under <paramref name="dropsDirectory"/>: every entry that is not a directory
    /// (regular files, and links, pipes and devices, which routing rejects unread), but not sidecar
    /// manifests (<c>*.cee.json</c>), hidden entries or anything inside the output folder, in path
    /// order. Nothing is opened or read: a drop's version is its size and modification time.
    /// Symbolic links to directories are not followed.
    /// </summary>
    public static IReadOnlyList<DropReference> FindDrops(string dropsDirectory, string outDirectory)
    {
        var root = Path.GetFullPath(dropsDirectory);
        var output = Path.GetFullPath(outDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var entries = new FileSystemEnumerable<string>(root, (ref FileSystemEntry entry) => entry.ToFullPath(), new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
        })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                (!entry.IsDirectory || IsLink(ref entry)) &&
                !entry.FileName.EndsWith(FolderDropStore.ManifestSuffix, StringComparison.OrdinalIgnoreCase),
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                !IsLink(ref entry) && !string.Equals(entry.ToFullPath(), output, StringComparison.Ordinal),
        };

        return [.. entries
            .Where(f => !f.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => DropReference.For(f.Relative, VersionOf(f.Full)))];
    }

    /// <summary>
    /// Routes <paramref name="drops"/> into the folder <paramref name="held"/> locks. Of several drops
    /// with the same content the first by path routes and the others are its duplicates, whatever the
    /// timing (<see cref="PathOrderedClaims"/>).
    /// </summary>
    public static async Task<LocalRouteRun> RouteAsync(
        LocalRouteSettings settings,
        IReadOnlyList<DropReference> drops,
        OutFolderLock held,
        IProgress<int>? progress,
        CancellationToken cancellationToken,
        IOutputFaults? faults = null,
        IReviewGateway? review = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(drops);
        ArgumentNullException.ThrowIfNull(held);
        if (!string.Equals(held.Folder, Path.GetFullPath(settings.OutDirectory), StringComparison.Ordinal))
        {
            throw new ArgumentException($"The lock held is on {held.Folder}, not on {settings.OutDirectory}.", nameof(held));
        }

        // Local ports write small files synchronously (cheaper than asynchronous handles on Linux), so
        // each drop in flight can hold a pool thread while the file system works: give the pool one
        // thread per drop in flight up front rather than let it discover the need one thread at a time.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < settings.Parallelism)
        {
            ThreadPool.SetMinThreads(settings.Parallelism, completionPorts);
        }

        var output = new OutputFolder(settings.OutDirectory, faults);
        OutputFolder.Guard(OutputWriteKind.Document, OutputFolder.TemporaryFolder, () =>
        {
            output.PurgeTemporary();
            return true;
        });
        var ledger = SqliteRoutingLedger.Open(Path.Combine(output.Root, SqliteRoutingLedger.FileName), output.Faults);
        var claims = new PathOrderedClaims(ledger, drops);
        var ports = new RoutingPorts(
            new FolderDropStore(settings.DropsDirectory, output, settings.Intake),
            new InMemoryImporterAccountDirectory(settings.Accounts),
            new InMemoryCbpRequestDirectory(settings.Requests),
            new RuleTableClassifier(settings.Rules),
            new FolderTopicPublisher(output),
            claims,
            review ?? new NoReviewerGateway(),
            new SystemWorkflowClock(TimeProvider.System),
            new FolderPortResponder(output));
        var workflow = new RoutingWorkflow(ports, settings.Routing);

        var results = new LocalDropResult?[drops.Count];
        string? stopReason = null;
        try
        {
            stopReason = await RouteAllAsync(workflow, claims, drops, results, settings.Parallelism, progress, cancellationToken);
        }
        finally
        {
            try
            {
                // The last commit: the run is not done until it is in (a full disk can refuse even this).
                ledger.Dispose();
            }
            catch (OutputWriteException ex)
            {
                stopReason ??= ex.Message;
            }
        }

        if (stopReason is null)
        {
            output.RemoveEmptyTemporary();
        }

        var finished = results.OfType<LocalDropResult>().ToList();
        return new LocalRouteRun(finished, drops.Count - finished.Count, stopReason);
    }

    // Every drop, in parallel; the reason the run stopped early, or null.
    private static async Task<string?> RouteAllAsync(
        RoutingWorkflow workflow, PathOrderedClaims claims, IReadOnlyList<DropReference> drops, LocalDropResult?[] results,
        int parallelism, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        string? stopReason = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Parallel.ForAsync(0, drops.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = stop.Token }, async (i, ct) =>
            {
                try
                {
                    claims.Enter(i);
                    results[i] = await RouteOneAsync(workflow, drops[i], ct);
                    progress?.Report(Interlocked.Increment(ref done));
                }
                catch (OutputWriteException ex)
                {
                    // Not the drop's fault, and every later write would most likely fail the same way:
                    // stop claiming and routing; what is not finished is for the next run.
                    Interlocked.CompareExchange(ref stopReason, ex.Message, null);
                    claims.Stop();
                    await stop.CancelAsync();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // Stopped by another drop's failed write.
                }
                finally
                {
                    claims.Pass(i);
                    claims.End(i);
                }
            });
        }
        catch (OperationCanceledException) when (stopReason is not null && !cancellationToken.IsCancellationRequested)
        {
            // The stop above: the drops never started are counted below.
        }

        return stopReason;
    }

    private static async Task<LocalDropResult> RouteOneAsync(RoutingWorkflow workflow, DropReference drop, CancellationToken cancellationToken)
    {
        try
        {
            return new LocalDropResult(drop, await workflow.RunAsync(drop, cancellationToken), null);
        }
        catch (OutputWriteException)
        {
            throw;
        }
        catch (IOException ex)
        {
            // A drop that vanished or cannot be read mid-run: report it and go on with the others.
            return new LocalDropResult(drop, null, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return new LocalDropResult(drop, null, ex.Message);
        }
    }

    /// <summary>The reference of the drop at <paramref name="relativeSource"/> under <paramref name="dropsDirectory"/> as it is now (its id changes when the file does).</summary>
    public static DropReference ReferenceOf(string dropsDirectory, string relativeSource) =>
        DropReference.For(relativeSource, VersionOf(Path.Combine(Path.GetFullPath(dropsDirectory), relativeSource.Replace('/', Path.DirectorySeparatorChar))));

    // A drop's version, like a blob's ETag: what lstat says (kind, size, modification time) of the
    // file and of its manifest. Taken without opening either.
    private static string VersionOf(string path)
    {
        var version = DropFiles.Lstat(path).Version;
        var manifest = DropFiles.Lstat(path + FolderDropStore.ManifestSuffix);
        return manifest.Kind == DropFileKind.Missing ? version : $"{version}+manifest:{manifest.Version}";
    }

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;
}
