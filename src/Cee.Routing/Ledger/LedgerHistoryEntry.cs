using System.Text.Json.Serialization;

namespace Cee.Routing.Ledger;

/// <summary>One applied transition, kept forever in the record's history.</summary>
/// <param name="By">Who made the step (a Center's receipt or transfer); null for the workflow's own steps. Added within schema version 1.</param>
public sealed record LedgerHistoryEntry(
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("state")] LedgerState State,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("correlationId")] string CorrelationId,
    [property: JsonPropertyName("by")] LedgerActor? By = null);
