using System.Text.Json.Serialization;

namespace Cee.Routing.Centers;

/// <summary>The shape of <c>topology.json</c>, the single source of Centers and topics.</summary>
internal sealed record TopologyDocument(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("triageTopic")] string TriageTopic,
    [property: JsonPropertyName("centers")] IReadOnlyList<TopologyCenter> Centers);

internal sealed record TopologyCenter(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("teamCode")] string TeamCode,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("managedFrom")] string ManagedFrom,
    [property: JsonPropertyName("industries")] string Industries,
    [property: JsonPropertyName("topic")] string Topic);

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(TopologyDocument))]
internal sealed partial class TopologyJsonContext : JsonSerializerContext;
