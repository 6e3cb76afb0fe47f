using System.Text.Json.Serialization;

namespace Cee.Routing.Messages;

/// <summary>
/// The body of an escalation on the triage topic (schema <c>cee.review-escalation</c>, version 1):
/// a review deadline passed without a decision.
/// </summary>
/// <param name="Round">1 for the first escalation.</param>
/// <param name="NextDeadline">When the next escalation falls due, or null after the last one (the review waits without a deadline).</param>
public sealed record ReviewEscalationMessage(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("reviewId")] string ReviewId,
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("round")] int Round,
    [property: JsonPropertyName("escalatedAt")] DateTimeOffset EscalatedAt,
    [property: JsonPropertyName("nextDeadline")] DateTimeOffset? NextDeadline,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("correlationId")] string CorrelationId)
{
    public const string SchemaName = "cee.review-escalation";
    public const int CurrentVersion = 1;
}
