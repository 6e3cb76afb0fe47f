using Cee.Routing.Documents;

namespace Cee.Routing.Intake;

/// <summary>What streaming a bare document through the sink gave.</summary>
/// <param name="ContentSha256">SHA-256 of the bytes read (the whole drop unless it was too large).</param>
/// <param name="Size">Bytes read.</param>
/// <param name="Decoded">The stored document, or null when it was empty, too large or not stored.</param>
/// <param name="Location">Where the sink stored it.</param>
/// <param name="Failure">Why it was not stored, when that is an error.</param>
internal sealed record BareDocumentRead(string ContentSha256, long Size, DecodedDocument? Decoded, string? Location, Finding? Failure);
