namespace Cee.Routing.Documents;

/// <summary>What the reader learned while writing a document's bytes to its target.</summary>
/// <param name="DocumentId">Our id of the document.</param>
/// <param name="Size">Decoded size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the decoded bytes.</param>
/// <param name="DetectedType">What the bytes are by their signature: see <see cref="FileSignatures"/>.</param>
public sealed record DecodedDocument(string DocumentId, long Size, string Sha256, string DetectedType);
