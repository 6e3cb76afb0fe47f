using Cee.Routing.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Orchestration;

/// <summary>
/// The routing orchestration: the core <see cref="RoutingWorkflow"/> over <see cref="DurableRoutingPorts"/>.
/// The instance id is the drop id (<c>Intake/DropScheduler</c>). An activity that exhausts its
/// retries never ends the instance as a bare failure: the workflow records the drop Failed and tells
/// triage, this logs it at Error, and the instance completes (docs/adr/0015).
/// </summary>
public sealed class RouteDropOrchestrator
{
    public const string Name = "RouteDrop";

    [Function(Name)]
    public static async Task<RoutingOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<RouteDropInput>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} was started without a {nameof(RouteDropInput)}.");
        var logger = context.CreateReplaySafeLogger<RouteDropOrchestrator>();
        logger.LogInformation("Routing drop {DropId} from {Source} (re-drive {Redrive})", input.Drop.DropId, input.Drop.Source, input.Redrive);

        var retry = input.Retry ?? new ActivityRetry();
        var workflow = new RoutingWorkflow(DurableRoutingPorts.Create(context, retry.ToTaskOptions()), input.Options);
        RoutingOutcome outcome;
        try
        {
            outcome = await workflow.RunAsync(input.Drop, input.Redrive, input.Supersedes ?? []);
        }
        catch (TaskFailedException failed)
        {
            outcome = await FailAsync(workflow, input, retry, failed, logger);
        }

        logger.LogInformation(
            "Drop {DropId} ended {Verdict}: {Documents} record(s), states {States}, Centers {Centers}",
            outcome.DropId,
            outcome.Verdict,
            outcome.Documents.Count,
            string.Join(", ", outcome.Documents.Select(d => d.State)),
            string.Join(", ", outcome.Documents.Select(d => d.Center ?? "-")));
        return outcome;
    }

    private static async Task<RoutingOutcome> FailAsync(RoutingWorkflow workflow, RouteDropInput input, ActivityRetry retry, TaskFailedException failed, ILogger logger)
    {
        var failure = new RunFailure(failed.TaskName, retry.MaxAttempts, Describe(failed));
        logger.LogError(
            "Drop {DropId} ({Source}): {Step} gave up after {Attempts} attempt(s): {Error}; recording it Failed and sending it to triage",
            input.Drop.DropId, input.Drop.Source, failure.Step, failure.Attempts, failure.Error);
        try
        {
            return await workflow.RecordFailureAsync(failure);
        }
        catch (TaskFailedException again)
        {
            // The ledger or the triage topic is still down: the records stay where the run left them and
            // the reconciler re-drives the drop once its grace period has passed.
            logger.LogError(
                "Drop {DropId}: its failure could not be recorded ({Step}: {Error}); the reconciler re-drives it after its grace period",
                input.Drop.DropId, again.TaskName, Describe(again));
            return new RoutingOutcome(input.Drop.DropId, input.Drop.Source, Cee.Routing.Intake.IntakeVerdict.Reject, []);
        }
    }

    private static string Describe(TaskFailedException failed) =>
        failed.FailureDetails is { } details ? $"{details.ErrorType}: {details.ErrorMessage}" : failed.Message;
}
