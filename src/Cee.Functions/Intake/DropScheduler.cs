using Cee.Functions.Orchestration;
using Cee.Routing.Drops;
using Cee.Routing.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Intake;

/// <summary>
/// Starts the routing orchestration of a drop under the drop id as instance id, only when no live
/// instance has that id. A repeated Event Grid delivery therefore starts nothing; a drop whose
/// earlier run ended (completed, failed, terminated) is routed again, which the workflow turns into
/// "already routed, not published again" or into the missing steps of a failed run.
/// </summary>
public sealed class DropScheduler(RoutingWorkflowOptions options, ILogger<DropScheduler> logger)
{
    /// <summary>Pending, Running and Suspended instances are live: a second start must not race them.</summary>
    public static bool IsLive(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;

    /// <summary>Start when there is no instance with the drop's id, or its instance is no longer live.</summary>
    public static bool ShouldStart(OrchestrationMetadata? existing) => existing is null || !IsLive(existing.RuntimeStatus);

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

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                RouteDropOrchestrator.Name, new RouteDropInput(drop, options), new StartOrchestrationOptions(drop.DropId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Two deliveries of one event can both find no instance and both schedule; the loser's
            // start fails (the exception type depends on the backend). If the instance is live now,
            // that is the race, and the other delivery's run is the one.
            var now = await durable.GetInstanceAsync(drop.DropId, getInputsAndOutputs: false, cancellationToken);
            if (ShouldStart(now))
            {
                throw;
            }

            logger.LogInformation("Drop {DropId} ({Source}) was scheduled by a concurrent delivery ({Status}); nothing started", drop.DropId, drop.Source, now!.RuntimeStatus);
            return new DropTriggerResult(DropTriggerOutcome.AlreadyRouting, drop);
        }

        logger.LogInformation("Routing drop {DropId} ({Source}, content version {ContentVersion})", drop.DropId, drop.Source, drop.ContentVersion);
        return new DropTriggerResult(DropTriggerOutcome.Started, drop);
    }
}
