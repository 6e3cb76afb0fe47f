using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>One decoded document of a drop, as stored.</summary>
/// <param name="Id">Our document id: <c>{dropId}-{ordinal:000}</c>, deterministic for a drop, used as the Service Bus MessageId and the ledger id.</param>
/// <param name="SourceDocumentId">The DIS DocumentID the filer gave, when there was one.</param>
/// <param name="Label">The DocumentLabel, e.g. "Commercial Invoice" or "CBP Form 28".</param>
/// <param name="Kind">What the document is for routing.</param>
/// <param name="FileName">CompleteFileName (DIS) or the blob's file name (bare document).</param>
/// <param name="DeclaredType">The FileExtensionType or the file name's extension, lower case (e.g. "pdf"), or null.</param>
/// <param name="DetectedType">The type its bytes show: "pdf", "tiff", "jpeg", "png" or "unknown".</param>
/// <param name="Size">Decoded size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the decoded bytes.</param>
/// <param name="Location">Where the decoded document was stored (e.g. a blob URI or a file path), or null if it was not.</param>
public sealed record IntakeDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("sourceDocumentId")] string? SourceDocumentId,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("kind")] DocumentKind Kind,
    [property: JsonPropertyName("fileName")] string? FileName,
    [property: JsonPropertyName("declaredType")] string? DeclaredType,
    [property: JsonPropertyName("detectedType")] string DetectedType,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("location")] string? Location);
