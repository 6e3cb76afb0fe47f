using System.Text.Json.Serialization;
using Cee.Routing.Drops;
using Cee.Routing.Workflow;

namespace Cee.Functions.Orchestration;

/// <summary>
/// The routing orchestration's input. The options and the retry policy travel with the drop, so a
/// settings change never alters a running orchestration on replay.
/// </summary>
/// <param name="Retry">The activities' retry policy; null (an input written before it existed) for the defaults.</param>
/// <param name="Redrive">0 for a run the trigger started; n for the reconciler's n-th re-drive of the drop.</param>
/// <param name="Supersedes">Earlier drops of the same source that had not routed when this run was started; this run supersedes them.</param>
public sealed record RouteDropInput(
    [property: JsonPropertyName("drop")] DropReference Drop,
    [property: JsonPropertyName("options")] RoutingWorkflowOptions Options,
    [property: JsonPropertyName("retry")] ActivityRetry? Retry = null,
    [property: JsonPropertyName("redrive")] int Redrive = 0,
    [property: JsonPropertyName("supersedes")] IReadOnlyList<string>? Supersedes = null);
