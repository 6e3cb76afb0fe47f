using System.Text.Json.Serialization;

namespace Cee.Routing.Dis;

/// <summary>
/// The DIS <c>DocumentHeader</c>. Free text (DocumentID, label, file name, description) has passed
/// through <see cref="Identifiers.SsnRedaction"/>: it may be stored and shown.
/// </summary>
public sealed record DisDocumentHeader(
    [property: JsonPropertyName("documentId")] string? DocumentId,
    [property: JsonPropertyName("documentLabel")] string? DocumentLabel,
    [property: JsonPropertyName("completeFileName")] string? CompleteFileName,
    [property: JsonPropertyName("fileExtensionType")] string? FileExtensionType,
    [property: JsonPropertyName("documentDescription")] string? DocumentDescription,
    [property: JsonPropertyName("documentSentDate")] string? DocumentSentDate,
    [property: JsonPropertyName("docPreviouslySubmitted")] string? DocPreviouslySubmitted);
