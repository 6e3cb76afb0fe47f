using System.Text.Json.Serialization;

namespace Cee.Routing.Messages;

/// <summary>
/// The body of a failed run on the triage topic (schema <c>cee.run-failed</c>, version 1): a step
/// gave up after its retries; the reconciler re-drives the drop, and a person sees it meanwhile.
/// </summary>
/// <param name="RecordIds">The ledger records marked Failed (empty when the drop could not even be read).</param>
/// <param name="Round">1 for the first run's failure, n + 1 for the failure of re-drive n.</param>
public sealed record RunFailedMessage(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("recordIds")] IReadOnlyList<string> RecordIds,
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("round")] int Round,
    [property: JsonPropertyName("failedAt")] DateTimeOffset FailedAt,
    [property: JsonPropertyName("correlationId")] string CorrelationId)
{
    public const string SchemaName = "cee.run-failed";
    public const int CurrentVersion = 1;
}
