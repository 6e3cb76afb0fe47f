using System.Text.Json.Serialization;
using Cee.Routing.Policy;

namespace Cee.Routing.Ledger;

/// <summary>
/// One step of a record's life, as the workflow asks the ledger to record it.
/// </summary>
/// <param name="RecordId">The document id (or drop id for a drop-level record).</param>
/// <param name="Step">Idempotency key within the record: <c>received</c>, <c>validated</c>, <c>rejected</c>,
/// <c>duplicate</c>, <c>awaiting-review</c>, <c>escalated-1</c>…, <c>routed</c>. A step already in the history is not applied again.</param>
/// <param name="State">The state the record moves to.</param>
/// <param name="At">When, from the workflow's clock port.</param>
/// <param name="Reason">Why, in a sentence (importer numbers masked).</param>
/// <param name="CorrelationId">The drop's correlation id, shared by every record and message of the drop.</param>
/// <param name="Subject">What the record is about; required on the first (Received) transition.</param>
/// <param name="Decision">The routing decision, on AwaitingReview, Routed and escalations.</param>
/// <param name="Topic">The topic the document was published on (Routed) or the triage topic (AwaitingReview).</param>
/// <param name="DuplicateOf">For Duplicate: the record id of the document already routed with the same content.</param>
/// <param name="SessionId">The Service Bus session the document was published in (Routed), so a transfer publishes in the same one.</param>
/// <param name="By">Who made the step, for a person's or a Center's step (a receipt, a transfer); null for the workflow's own.</param>
public sealed record LedgerTransition(
    [property: JsonPropertyName("recordId")] string RecordId,
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("state")] LedgerState State,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("correlationId")] string CorrelationId,
    [property: JsonPropertyName("subject")] LedgerSubject? Subject = null,
    [property: JsonPropertyName("decision")] RoutingDecision? Decision = null,
    [property: JsonPropertyName("topic")] string? Topic = null,
    [property: JsonPropertyName("duplicateOf")] string? DuplicateOf = null,
    [property: JsonPropertyName("sessionId")] string? SessionId = null,
    [property: JsonPropertyName("by")] LedgerActor? By = null);
