using System.Text.Json.Serialization;

namespace Cee.Functions.Orchestration;

/// <summary>Input of <see cref="ActivityNames.FindOriginal"/>: the same content routed from another drop?</summary>
public sealed record OriginalQuery(
    [property: JsonPropertyName("dropSha256")] string DropSha256,
    [property: JsonPropertyName("excludingDropId")] string ExcludingDropId);
