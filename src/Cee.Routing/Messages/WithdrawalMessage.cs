using System.Text.Json.Serialization;

namespace Cee.Routing.Messages;

/// <summary>
/// The body of a withdrawal on the Center's topic (schema <c>cee.document-withdrawal</c>, version 1):
/// the filer withdrew a document the Center holds. Additive changes keep the version; anything else bumps it.
/// </summary>
/// <param name="DocumentId">Our id of the document withdrawn (the routed message's <c>documentId</c> and MessageId).</param>
/// <param name="DropId">The drop the document came in.</param>
/// <param name="SourceDocumentId">Its DIS DocumentID, as the filer named it.</param>
/// <param name="WithdrawalDropId">The drop that carried the DocumentWithdrawal.</param>
/// <param name="Port">The port the document was sent to.</param>
/// <param name="Filer">The filer code of the withdrawal.</param>
/// <param name="Entries">The entries of the document withdrawn.</param>
/// <param name="Center">The Center that holds it (the topic's).</param>
/// <param name="Reason">DocumentWithdrawalReason (masked).</param>
/// <param name="Comment">The withdrawal's Comment (masked), or null.</param>
/// <param name="CorrelationId">The withdrawal drop's correlation id.</param>
/// <param name="WithdrawnAt">When it was withdrawn.</param>
public sealed record WithdrawalMessage(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("sourceDocumentId")] string? SourceDocumentId,
    [property: JsonPropertyName("withdrawalDropId")] string WithdrawalDropId,
    [property: JsonPropertyName("port")] string? Port,
    [property: JsonPropertyName("filer")] string? Filer,
    [property: JsonPropertyName("entries")] IReadOnlyList<string> Entries,
    [property: JsonPropertyName("center")] string Center,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("correlationId")] string CorrelationId,
    [property: JsonPropertyName("withdrawnAt")] DateTimeOffset WithdrawnAt)
{
    public const string SchemaName = "cee.document-withdrawal";
    public const int CurrentVersion = 1;

    /// <summary>The message's Subject and its <c>kind</c> application property, which a subscription filters on.</summary>
    public const string Kind = "withdrawal";
}
