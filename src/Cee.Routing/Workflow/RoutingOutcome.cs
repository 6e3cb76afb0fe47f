using System.Text.Json.Serialization;
using Cee.Routing.Intake;

namespace Cee.Routing.Workflow;

/// <summary>The result of one workflow run over one drop.</summary>
public sealed record RoutingOutcome(
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("verdict")] IntakeVerdict Verdict,
    [property: JsonPropertyName("documents")] IReadOnlyList<DocumentOutcome> Documents);
