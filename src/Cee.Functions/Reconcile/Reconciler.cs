using Azure.Storage.Blobs;
using Cee.Functions.Intake;
using Cee.Functions.Orchestration;
using Cee.Functions.Storage;
using Cee.Routing.Cosmos;
using Cee.Routing.Drops;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Cee.Routing.Reconcile;
using Cee.Routing.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Reconcile;

/// <summary>
/// One reconciler pass (docs/adr/0015): gathers the facts of every drop a run may have left behind
/// (ledger records not settled, or Failed, past the grace period; blobs in <c>port-drops</c> with no
/// record), lets <see cref="ReconcilePolicy"/> decide, and applies: re-drives through
/// <see cref="DropScheduler.RedriveAsync"/> (never beside a live instance), starts missed blobs as the
/// trigger would, and purges ended instances older than the retention.
/// </summary>
public sealed class Reconciler(
    BlobServiceClient blobs,
    DropIntakeTrigger trigger,
    DropScheduler scheduler,
    ILedgerQueries queries,
    IRoutingLedger ledger,
    ReconcilerOptions options,
    TimeProvider time,
    ReconcilerMetrics metrics,
    ILogger<Reconciler> logger)
{
    // The states a run passes through without settling; Failed is where a run that gave up ends.
    private static readonly LedgerState[] Unsettled = [LedgerState.Received, LedgerState.Validated, LedgerState.AwaitingReview, LedgerState.Failed];

    private const int PageSize = 500;

    public async Task<ReconcileSummary> RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dropId in await UnsettledDropsAsync(cancellationToken))
        {
            seen.Add(dropId);
            Add(tally, await ReconcileRecordedAsync(durable, dropId, cancellationToken));
        }

        await foreach (var (blob, port, name, lastModified) in CandidateBlobsAsync(cancellationToken))
        {
            var (drop, _) = await trigger.ResolveAsync(blob, port, name, cancellationToken);
            if (drop is not null && seen.Add(drop.DropId))
            {
                Add(tally, await ReconcileBlobAsync(durable, drop, lastModified, cancellationToken));
            }
        }

        var purged = await PurgeAsync(durable, cancellationToken);
        metrics.Purged(purged);
        var summary = new ReconcileSummary(
            Get(tally, "start"), Get(tally, "redrive"), Get(tally, "wait"), Get(tally, "give-up"), Get(tally, "live"), Get(tally, "unrecoverable"), purged);
        logger.LogInformation(
            "Reconciler: {Started} started, {Redriven} re-driven, {Waiting} waiting, {GaveUp} left to a person, {Live} live, {Unrecoverable} unrecoverable, {Purged} instance histories purged",
            summary.Started, summary.Redriven, summary.Waiting, summary.GaveUp, summary.Live, summary.Unrecoverable, summary.Purged);
        return summary;
    }

    private async Task<IReadOnlyCollection<string>> UnsettledDropsAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.GracePeriod;
        var drops = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var state in Unsettled)
        {
            string? continuation = null;
            do
            {
                var page = await queries.GetCenterQueueAsync(null, state, continuation, PageSize, cancellationToken);
                drops.UnionWith(page.Records.Where(r => r.UpdatedAt <= before).Select(r => r.Subject.DropId));
                continuation = page.ContinuationToken;
            }
            while (continuation is not null);
        }

        return drops;
    }

    private async Task<string> ReconcileRecordedAsync(DurableTaskClient durable, string dropId, CancellationToken cancellationToken)
    {
        var instance = await durable.GetInstanceAsync(dropId, getInputsAndOutputs: true, cancellationToken);
        var records = await DropRecords.ReadAsync(ledger, dropId, cancellationToken);
        var input = instance?.ReadInputAs<RouteDropInput>();
        var situation = new DropSituation(
            instance is not null && DropScheduler.IsLive(instance.RuntimeStatus),
            instance is not null,
            records.Count > 0,
            DropRecords.AreSettled(records),
            records.Any(r => r.State == LedgerState.Failed),
            records.Count > 0 ? records.Max(r => r.UpdatedAt) : instance?.LastUpdatedAt ?? time.GetUtcNow(),
            Math.Max(input?.Redrive ?? 0, RoutingWorkflow.FailedRounds(records) - 1));
        return await ApplyAsync(durable, dropId, input?.Drop, situation, cancellationToken);
    }

    private async Task<string> ReconcileBlobAsync(DurableTaskClient durable, DropReference drop, DateTimeOffset lastModified, CancellationToken cancellationToken)
    {
        if ((await DropRecords.ReadAsync(ledger, drop.DropId, cancellationToken)).Count > 0)
        {
            // Recorded: the unsettled pass above decides for it (or it is settled).
            return "recorded";
        }

        var instance = await durable.GetInstanceAsync(drop.DropId, getInputsAndOutputs: true, cancellationToken);
        var situation = new DropSituation(
            instance is not null && DropScheduler.IsLive(instance.RuntimeStatus),
            instance is not null,
            HasRecords: false,
            Settled: false,
            AnyFailed: false,
            instance?.LastUpdatedAt ?? lastModified,
            instance?.ReadInputAs<RouteDropInput>()?.Redrive ?? 0);
        return await ApplyAsync(durable, drop.DropId, drop, situation, cancellationToken);
    }

    private async Task<string> ApplyAsync(DurableTaskClient durable, string dropId, DropReference? drop, DropSituation situation, CancellationToken cancellationToken)
    {
        var decision = ReconcilePolicy.Decide(situation, time.GetUtcNow(), options);
        switch (decision.Action)
        {
            case ReconcileAction.Nothing when !situation.Live:
                return "settled";

            case ReconcileAction.Start when drop is not null:
                logger.LogWarning("Reconciler: drop {DropId} ({Source}) has no ledger record and no run ({Reason}); starting it as its event would have", dropId, drop.Source, decision.Reason);
                await scheduler.ScheduleAsync(durable, drop, cancellationToken);
                break;

            case ReconcileAction.Redrive when drop is not null:
                logger.LogWarning("Reconciler: re-driving drop {DropId} ({Source}), re-drive {Redrive} of {MaxRedrives}: {Reason}", dropId, drop.Source, decision.Redrive, options.MaxRedrives, decision.Reason);
                await scheduler.RedriveAsync(durable, drop, decision.Redrive, cancellationToken);
                break;

            case ReconcileAction.Start or ReconcileAction.Redrive:
                logger.LogError("Reconciler: drop {DropId} needs a run but its instance history (which holds its content version) is gone; a person must upload it again", dropId);
                metrics.Count("unrecoverable");
                return "unrecoverable";

            case ReconcileAction.GiveUp:
                logger.LogWarning("Reconciler: drop {DropId} is left to a person: {Reason}", dropId, decision.Reason);
                break;

            default:
                logger.LogDebug("Reconciler: drop {DropId}: {Action} ({Reason})", dropId, decision.Action, decision.Reason);
                break;
        }

        metrics.Count(decision.Action);
        return decision.Action switch
        {
            ReconcileAction.Start => "start",
            ReconcileAction.Redrive => "redrive",
            ReconcileAction.Wait => "wait",
            ReconcileAction.GiveUp => "give-up",
            _ => "live",
        };
    }

    private async IAsyncEnumerable<(BlobClient Blob, string Port, string Name, DateTimeOffset LastModified)> CandidateBlobsAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var container = blobs.GetBlobContainerClient(StorageLayout.PortDrops);
        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var slash = item.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == item.Name.Length - 1 || item.Properties.LastModified is not { } modified ||
                now - modified < options.GracePeriod || now - modified > options.ScanLookback)
            {
                continue;
            }

            yield return (container.GetBlobClient(item.Name), item.Name[..slash], item.Name[(slash + 1)..], modified);
        }
    }

    private async Task<int> PurgeAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var query = new OrchestrationQuery
        {
            CreatedTo = now - options.Retention,
            Statuses = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
        };
        var purged = 0;
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (ReconcilePolicy.ShouldPurge(!DropScheduler.IsLive(instance.RuntimeStatus), instance.LastUpdatedAt, now, options))
            {
                purged += (await durable.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken)).PurgedInstanceCount;
            }
        }

        if (purged > 0)
        {
            logger.LogInformation("Reconciler: purged the history of {Purged} instance(s) that ended more than {Retention} ago", purged, options.Retention);
        }

        return purged;
    }

    private static void Add(Dictionary<string, int> tally, string key) => tally[key] = Get(tally, key) + 1;

    private static int Get(Dictionary<string, int> tally, string key) => tally.GetValueOrDefault(key);
}
