using System.Text.Json.Serialization;

namespace Cee.Cli.Commands;

/// <summary>One transition of a document's history in <c>cee status --json</c>.</summary>
/// <param name="By">Who made the step when it was a Center's (a receipt, a transfer): <c>{ "id", "name" }</c>; null for the workflow's steps.</param>
public sealed record StatusTransitionJson(
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("by")] StatusActorJson? By = null);
