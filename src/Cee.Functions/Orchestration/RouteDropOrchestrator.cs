using Cee.Routing.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Orchestration;

/// <summary>
/// The routing orchestration: the core <see cref="RoutingWorkflow"/> over <see cref="DurableRoutingPorts"/>.
/// The instance id is the drop id (<c>Intake/DropScheduler</c>).
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
        logger.LogInformation("Routing drop {DropId} from {Source}", input.Drop.DropId, input.Drop.Source);

        var outcome = await new RoutingWorkflow(DurableRoutingPorts.Create(context), input.Options).RunAsync(input.Drop);

        logger.LogInformation(
            "Drop {DropId} ended {Verdict}: {Documents} record(s), states {States}, Centers {Centers}",
            outcome.DropId,
            outcome.Verdict,
            outcome.Documents.Count,
            string.Join(", ", outcome.Documents.Select(d => d.State)),
            string.Join(", ", outcome.Documents.Select(d => d.Center ?? "-")));
        return outcome;
    }
}
