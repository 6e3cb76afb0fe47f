using System.Text.Json.Serialization;

namespace Cee.Routing.Messages;

/// <summary>
/// The body of a withdrawn review request on the triage topic (schema <c>cee.review-superseded</c>,
/// version 1): a later run of the same source (a late manifest, new content at the same path) replaced
/// the run that asked for a person; a decision for that run is refused.
/// </summary>
/// <param name="DropId">The superseded run's drop, whose review request this withdraws.</param>
/// <param name="SupersededBy">The drop of the later run that decides the document now.</param>
public sealed record ReviewSupersededMessage(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("recordIds")] IReadOnlyList<string> RecordIds,
    [property: JsonPropertyName("supersededBy")] string SupersededBy,
    [property: JsonPropertyName("withdrawnAt")] DateTimeOffset WithdrawnAt,
    [property: JsonPropertyName("correlationId")] string CorrelationId)
{
    public const string SchemaName = "cee.review-superseded";
    public const int CurrentVersion = 1;
}
