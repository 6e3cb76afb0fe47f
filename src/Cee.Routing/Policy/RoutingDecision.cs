using System.Text.Json.Serialization;
using Cee.Routing.Htsus;

namespace Cee.Routing.Policy;

/// <summary>
/// The Center a drop's documents go to, or the request for a person, with everything that explains it.
/// </summary>
/// <param name="Outcome">Route or review.</param>
/// <param name="Center">The Center ID when routed.</param>
/// <param name="Basis">What decided.</param>
/// <param name="Provenance">For an HTSUS decision, <c>official</c> when every deciding rule is official, else <c>inferred</c>;
/// otherwise the basis's source: <c>importer-account</c>, <c>cbp-request</c>, <c>reviewer</c>; null for review.</param>
/// <param name="Reasons">Sentences, in the order the policy considered them. Importer numbers appear masked.</param>
/// <param name="Rules">The HTSUS rules that decided (HTSUS and best-guess decisions), else empty.</param>
/// <param name="Flags">See <see cref="RoutingFlags"/>.</param>
/// <param name="Tally">Lines per Center from the HTSUS classification, for reviewers.</param>
/// <param name="Reviewer">Who decided, for a reviewer's decision: their display name.</param>
/// <param name="ReviewerId">Who decided, for a reviewer's decision: their directory object id (Entra <c>oid</c>), when the host has one.</param>
public sealed record RoutingDecision(
    [property: JsonPropertyName("outcome")] DecisionOutcome Outcome,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("basis")] RoutingBasis Basis,
    [property: JsonPropertyName("provenance")] string? Provenance,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("rules")] IReadOnlyList<RuleReference> Rules,
    [property: JsonPropertyName("flags")] IReadOnlyList<string> Flags,
    [property: JsonPropertyName("tally")] IReadOnlyList<CenterCount> Tally,
    [property: JsonPropertyName("reviewer")] string? Reviewer = null,
    [property: JsonPropertyName("reviewerId")] string? ReviewerId = null);
