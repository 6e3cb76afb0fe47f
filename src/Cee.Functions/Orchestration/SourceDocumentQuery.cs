using System.Text.Json.Serialization;

namespace Cee.Functions.Orchestration;

/// <summary>Input of <see cref="ActivityNames.FindLedgerRecordsBySourceDocument"/>: the port and DIS DocumentID a withdrawal names.</summary>
public sealed record SourceDocumentQuery(
    [property: JsonPropertyName("port")] string Port,
    [property: JsonPropertyName("sourceDocumentId")] string SourceDocumentId);
