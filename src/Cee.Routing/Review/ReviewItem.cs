using System.Text.Json.Serialization;

namespace Cee.Routing.Review;

/// <summary>
/// One drop waiting for a person, as the triage console lists it (<c>GET api/reviews</c>, in the
/// Functions app and in <c>cee review serve</c> alike): what a reviewer needs to choose the Center.
/// </summary>
/// <param name="ReviewId">The review's id: the drop id, which <c>POST api/reviews/{reviewId}</c> answers.</param>
/// <param name="Source">Where the drop came in, SSN-like digits masked.</param>
/// <param name="Port">Schedule D port code, e.g. <c>2704</c>.</param>
/// <param name="PortName">The port's name when known, e.g. <c>Los Angeles</c>.</param>
/// <param name="Entries">Normalized entry numbers.</param>
/// <param name="Importer">The importer number as the ledger keeps it: masked when an SSN.</param>
/// <param name="CbpRequestId">The CBP request the drop answers, if any.</param>
/// <param name="Reasons">The policy's reasons, in the order it considered them.</param>
/// <param name="Flags">The decision's flags (<c>account-unknown</c>, <c>review-escalated</c>, …).</param>
/// <param name="Candidates">The Centers the HTSUS lines point to, most lines first.</param>
/// <param name="RequestedAt">When the drop was sent to a person.</param>
/// <param name="Deadline">When the current round ends; null once the last escalation has passed.</param>
/// <param name="Escalation">How many times the review was escalated (0: not yet).</param>
/// <param name="Documents">The drop's documents, in order.</param>
/// <param name="Kind">
/// <see cref="DropKind"/> (the routing workflow waits for a person on the drop; the review id is the
/// drop id) or <see cref="TransferLimitKind"/> (one document its Centers transferred too often; the
/// review id is the document id, and the candidates are the Centers it went through, then the rest).
/// </param>
public sealed record ReviewItem(
    [property: JsonPropertyName("reviewId")] string ReviewId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("port")] string? Port,
    [property: JsonPropertyName("portName")] string? PortName,
    [property: JsonPropertyName("entries")] IReadOnlyList<string> Entries,
    [property: JsonPropertyName("importer")] string? Importer,
    [property: JsonPropertyName("cbpRequestId")] string? CbpRequestId,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("flags")] IReadOnlyList<string> Flags,
    [property: JsonPropertyName("candidates")] IReadOnlyList<ReviewCandidate> Candidates,
    [property: JsonPropertyName("requestedAt")] DateTimeOffset RequestedAt,
    [property: JsonPropertyName("deadline")] DateTimeOffset? Deadline,
    [property: JsonPropertyName("escalation")] int Escalation,
    [property: JsonPropertyName("documents")] IReadOnlyList<ReviewItemDocument> Documents,
    [property: JsonPropertyName("kind")] string Kind = ReviewItem.DropKind)
{
    /// <summary>The routing workflow's review of a drop.</summary>
    public const string DropKind = "drop";

    /// <summary>A document sent to a person because it was transferred too often.</summary>
    public const string TransferLimitKind = "transfer-limit";
}
