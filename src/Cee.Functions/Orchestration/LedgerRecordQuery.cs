using System.Text.Json.Serialization;

namespace Cee.Functions.Orchestration;

/// <summary>Input of <see cref="ActivityNames.GetLedgerRecord"/>.</summary>
public sealed record LedgerRecordQuery([property: JsonPropertyName("recordId")] string RecordId);
