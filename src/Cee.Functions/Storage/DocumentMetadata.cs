using System.Globalization;
using Cee.Routing.Documents;

namespace Cee.Functions.Storage;

/// <summary>
/// The content type and metadata a stored document (<c>documents/{documentId}</c>) carries, so that a
/// Center that fetches it sees what it is without the ledger. Free text (label, file name) has been
/// SSN-redacted by the reader and is encoded by <see cref="BlobMetadataText"/>.
/// </summary>
public static class DocumentMetadata
{
    public const string DocumentIdKey = "cee_document_id";
    public const string OrdinalKey = "cee_ordinal";
    public const string Sha256Key = "cee_sha256";
    public const string SizeKey = "cee_size";
    public const string DetectedTypeKey = "cee_detected_type";
    public const string SourceDocumentIdKey = "cee_source_document_id";
    public const string LabelKey = "cee_label";
    public const string FileNameKey = "cee_file_name";

    /// <summary>Limit per free-text value (encoded); the whole stays well under the 8 KiB a blob may carry.</summary>
    public const int MaxTextLength = 512;

    public static IDictionary<string, string> For(PendingDocument pending, DecodedDocument decoded)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(decoded);
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [DocumentIdKey] = BlobMetadataText.Encode(decoded.DocumentId, MaxTextLength),
            [OrdinalKey] = pending.Ordinal.ToString(CultureInfo.InvariantCulture),
            [Sha256Key] = BlobMetadataText.Encode(decoded.Sha256, MaxTextLength),
            [SizeKey] = decoded.Size.ToString(CultureInfo.InvariantCulture),
            [DetectedTypeKey] = BlobMetadataText.Encode(decoded.DetectedType, MaxTextLength),
        };
        AddText(metadata, SourceDocumentIdKey, pending.SourceDocumentId);
        AddText(metadata, LabelKey, pending.Label);
        AddText(metadata, FileNameKey, pending.FileName);
        return metadata;
    }

    /// <summary>The MIME type of a detected type (<see cref="FileSignatures"/>); <c>application/octet-stream</c> for anything else.</summary>
    public static string ContentTypeOf(string? detectedType) => detectedType switch
    {
        FileSignatures.Pdf => "application/pdf",
        FileSignatures.Tiff => "image/tiff",
        FileSignatures.Jpeg => "image/jpeg",
        FileSignatures.Png => "image/png",
        _ => "application/octet-stream",
    };

    private static void AddText(Dictionary<string, string> metadata, string key, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            metadata[key] = BlobMetadataText.Encode(text, MaxTextLength);
        }
    }
}
