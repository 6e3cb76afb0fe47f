using System.Text.Json.Serialization;

namespace Cee.Routing.Ledger;

/// <summary>One applied transition, kept forever in the record's history.</summary>
public sealed record LedgerHistoryEntry(
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("state")] LedgerState State,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("correlationId")] string CorrelationId);
