using System.Text.Json.Serialization;

namespace Cee.Cli.Commands;

/// <summary>One message of a Center's topic as <c>cee inbox --json</c> prints it, with what the ledger says and what this run did.</summary>
/// <param name="DocumentId">The routed document's id; for a withdrawal message, the id of the document withdrawn.</param>
/// <param name="Action"><c>listed</c>, <c>acknowledged</c>, <c>acknowledged-before</c>, <c>already-acknowledged</c>, <c>refused</c>, <c>not-held</c> (the document is with another Center now, or not yet), <c>withdrawn</c> (a document's message whose filer withdrew it since: never acknowledged), <c>withdrawal</c> (the withdrawal message itself), <c>unreadable</c>.</param>
/// <param name="Reason">For a withdrawal message, the filer's DocumentWithdrawalReason (masked); else null.</param>
public sealed record InboxMessageJson(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("sessionId")] string? SessionId,
    [property: JsonPropertyName("documentId")] string? DocumentId,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("entries")] IReadOnlyList<string> Entries,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("problem")] string? Problem);
