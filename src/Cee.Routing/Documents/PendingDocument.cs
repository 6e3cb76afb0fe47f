namespace Cee.Routing.Documents;

/// <summary>
/// A document the reader is about to decode, as far as its header says. Free-text values have
/// already passed through <see cref="Identifiers.SsnRedaction"/>, so a sink may put them in blob
/// metadata or logs.
/// </summary>
/// <param name="DocumentId">Our id, <c>{dropId}-{ordinal:000}</c> (<see cref="Drops.DropIds.DocumentId"/>).</param>
/// <param name="Ordinal">1-based position of the document in the drop.</param>
/// <param name="SourceDocumentId">The DIS DocumentID the filer gave, when there was one.</param>
/// <param name="Label">DocumentLabel (DIS) or the manifest's documentLabel.</param>
/// <param name="FileName">CompleteFileName (DIS) or the dropped file's name.</param>
/// <param name="DeclaredType">FileExtensionType or the file name's extension, lower case, or null.</param>
public sealed record PendingDocument(
    string DocumentId,
    int Ordinal,
    string? SourceDocumentId,
    string? Label,
    string? FileName,
    string? DeclaredType);
