using System.Text.Json.Serialization;
using Cee.Routing.Intake;

namespace Cee.Cli.Local;

/// <summary>The reasons file written beside a quarantined drop.</summary>
public sealed record QuarantineReasons(
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("contentVersion")] string ContentVersion,
    [property: JsonPropertyName("reasons")] IReadOnlyList<Finding> Reasons);
