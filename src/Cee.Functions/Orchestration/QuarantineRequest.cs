using System.Text.Json.Serialization;
using Cee.Routing.Drops;
using Cee.Routing.Intake;

namespace Cee.Functions.Orchestration;

/// <summary>Input of <see cref="ActivityNames.QuarantineDrop"/>: the rejected drop and why.</summary>
public sealed record QuarantineRequest(
    [property: JsonPropertyName("drop")] DropReference Drop,
    [property: JsonPropertyName("reasons")] IReadOnlyList<Finding> Reasons);
