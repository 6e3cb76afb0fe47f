using System.Text.Json.Serialization;
using Cee.Routing.Drops;
using Cee.Routing.Workflow;

namespace Cee.Functions.Orchestration;

/// <summary>
/// The routing orchestration's input. The options travel with the drop, so a settings change never
/// alters a running orchestration on replay.
/// </summary>
public sealed record RouteDropInput(
    [property: JsonPropertyName("drop")] DropReference Drop,
    [property: JsonPropertyName("options")] RoutingWorkflowOptions Options);
