using Cee.Functions.Orchestration;
using Cee.Routing.Cosmos;
using Cee.Routing.Drops;
using Cee.Routing.Ports;
using Cee.Routing.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Intake;

/// <summary>
/// Starts the routing orchestration of a drop under the drop id as instance id, only when no live
/// instance has that id. A repeated Event Grid delivery therefore starts nothing; nor does one for a
/// drop whose records are all settled (<see cref="DropRecords.AreSettled"/>), even after its instance
/// history was purged. A drop whose earlier run ended without settling (the records stayed Received
/// or Validated) is routed again, which the workflow turns into the missing steps of that run.
/// The reconciler re-drives Failed drops through <see cref="RedriveAsync"/>.
/// </summary>
public sealed class DropScheduler(RoutingWorkflowOptions options, ActivityRetry retry, IRoutingLedger ledger, ILedgerQueries queries, ILogger<DropScheduler> logger)
{
    /// <summary>Pending, Running and Suspended instances are live: a second start must not race them.</summary>
    public static bool IsLive(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;

    /// <summary>Start when there is no instance with the drop's id, or its instance is no longer live.</summary>
    public static bool ShouldStart(OrchestrationMetadata? existing) => existing is null || !IsLive(existing.RuntimeStatus);

    /// <summary>What a blob-created event starts: nothing for a live or settled drop, else its first run.</summary>
    public async Task<DropTriggerResult> ScheduleAsync(DurableTaskClient durable, DropReference drop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(drop);
        var existing = await durable.GetInstanceAsync(drop.DropId, getInputsAndOutputs: false, cancellationToken);
        if (!ShouldStart(existing))
        {
            logger.LogInformation("Drop {DropId} ({Source}) is already being routed ({Status}); nothing started", drop.DropId, drop.Source, existing!.RuntimeStatus);
            return new DropTriggerResult(DropTriggerOutcome.AlreadyRouting, drop);
        }

        var records = await DropRecords.ReadAsync(ledger, drop.DropId, cancellationToken);
        if (DropRecords.AreSettled(records))
        {
            logger.LogInformation(
                "Drop {DropId} ({Source}) was delivered again after its run: its {Records} record(s) are settled ({States}); nothing started",
                drop.DropId, drop.Source, records.Count, string.Join(", ", records.Select(r => r.State).Distinct()));
            return new DropTriggerResult(DropTriggerOutcome.AlreadySettled, drop);
        }

        return await StartAsync(durable, drop, 0, cancellationToken);
    }

    /// <summary>The reconciler's <paramref name="redrive"/>-th re-drive of a drop, unless an instance of it is live.</summary>
    public async Task<DropTriggerResult> RedriveAsync(DurableTaskClient durable, DropReference drop, int redrive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentOutOfRangeException.ThrowIfLessThan(redrive, 1);
        var existing = await durable.GetInstanceAsync(drop.DropId, getInputsAndOutputs: false, cancellationToken);
        return ShouldStart(existing)
            ? await StartAsync(durable, drop, redrive, cancellationToken)
            : new DropTriggerResult(DropTriggerOutcome.AlreadyRouting, drop);
    }

    private async Task<DropTriggerResult> StartAsync(DurableTaskClient durable, DropReference drop, int redrive, CancellationToken cancellationToken)
    {
        // A later run of the same source supersedes the earlier runs that have not routed (ADR 15).
        var supersedes = DropRecords.EarlierUnrouted((await queries.GetRecordsOfSourceAsync(drop.Source, cancellationToken)).Records, drop.DropId);
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                RouteDropOrchestrator.Name, new RouteDropInput(drop, options, retry, redrive, supersedes.Count > 0 ? supersedes : null),
                new StartOrchestrationOptions(drop.DropId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Two deliveries of one event (or a delivery and the reconciler) can both find no live
            // instance and both schedule; the loser's start fails (the exception type depends on the
            // backend). If the instance is live now, that is the race, and the other start's run is the one.
            var now = await durable.GetInstanceAsync(drop.DropId, getInputsAndOutputs: false, cancellationToken);
            if (ShouldStart(now))
            {
                throw;
            }

            logger.LogInformation("Drop {DropId} ({Source}) was scheduled by a concurrent start ({Status}); nothing started", drop.DropId, drop.Source, now!.RuntimeStatus);
            return new DropTriggerResult(DropTriggerOutcome.AlreadyRouting, drop);
        }

        logger.LogInformation(
            "Routing drop {DropId} ({Source}, content version {ContentVersion}, re-drive {Redrive}); it supersedes {Supersedes}",
            drop.DropId, drop.Source, drop.ContentVersion, redrive, supersedes.Count > 0 ? string.Join(", ", supersedes) : "no earlier run");
        return new DropTriggerResult(DropTriggerOutcome.Started, drop);
    }
}
