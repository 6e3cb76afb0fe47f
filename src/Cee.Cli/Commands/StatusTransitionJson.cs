using System.Text.Json.Serialization;

namespace Cee.Cli.Commands;

/// <summary>One transition of a document's history in <c>cee status --json</c>.</summary>
public sealed record StatusTransitionJson(
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("reason")] string Reason);
