using System.Text.Json.Serialization;

namespace Cee.Routing.Ledger;

/// <summary>
/// A drop's claim on its content: the first drop to claim a SHA-256 routes it; any other drop with
/// the same content is a duplicate of the claimant. Claims are written once and never change, so
/// two identical drops processed at the same moment cannot both be routed.
/// </summary>
/// <param name="DropSha256">Lower-case hex SHA-256 of the drop as received.</param>
/// <param name="DropId">The drop that holds the claim.</param>
/// <param name="Source">Where that drop came from, for the duplicate's reason.</param>
/// <param name="RecordId">That drop's first ledger record (its first document), for <c>duplicateOf</c>.</param>
/// <param name="ClaimedAt">When, from the claimant's clock port.</param>
public sealed record ContentClaim(
    [property: JsonPropertyName("dropSha256")] string DropSha256,
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("recordId")] string RecordId,
    [property: JsonPropertyName("claimedAt")] DateTimeOffset ClaimedAt);
