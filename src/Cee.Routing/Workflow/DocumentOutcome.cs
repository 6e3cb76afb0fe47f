using System.Text.Json.Serialization;
using Cee.Routing.Ledger;

namespace Cee.Routing.Workflow;

/// <summary>Where one document (or an unreadable drop) ended up after a run, and why.</summary>
/// <param name="RecordId">The ledger record id.</param>
/// <param name="DocumentId">The document id, or null for a drop with no readable document.</param>
/// <param name="State">Routed, Rejected, AwaitingReview or Duplicate (a re-run of a routed drop is reported Duplicate).</param>
/// <param name="Center">The Center routed to, or null.</param>
/// <param name="Topic">The topic published on (a Center's, or the triage topic while awaiting review), or null.</param>
/// <param name="Reasons">Why, in sentences.</param>
public sealed record DocumentOutcome(
    [property: JsonPropertyName("recordId")] string RecordId,
    [property: JsonPropertyName("documentId")] string? DocumentId,
    [property: JsonPropertyName("state")] LedgerState State,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons);
