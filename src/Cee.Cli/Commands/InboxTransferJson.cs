using System.Text.Json.Serialization;

namespace Cee.Cli.Commands;

/// <summary>What <c>cee inbox --transfer</c> did, as <c>--json</c> prints it.</summary>
/// <param name="Outcome"><c>transferred</c>, <c>sent-to-review</c>, <c>not-found</c>, <c>conflict</c>, <c>invalid</c>.</param>
/// <param name="Repeated">The transfer had been recorded already; only its message was written again (same message id).</param>
public sealed record InboxTransferJson(
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("repeated")] bool Repeated,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("problem")] string? Problem);
