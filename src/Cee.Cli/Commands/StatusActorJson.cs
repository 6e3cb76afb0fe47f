using System.Text.Json.Serialization;

namespace Cee.Cli.Commands;

/// <summary>Who made a step, in <c>cee status --json</c>.</summary>
public sealed record StatusActorJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);
