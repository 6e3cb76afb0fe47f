using System.Text.Json.Serialization;

namespace Cee.Routing.Centers;

/// <summary>The shape of <c>topology.json</c>, the single source of Centers, topics and subscriptions.</summary>
internal sealed record TopologyDocument(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("triageTopic")] string TriageTopic,
    [property: JsonPropertyName("centers")] IReadOnlyList<TopologyCenter> Centers,
    [property: JsonPropertyName("subscriptions")] TopologySubscriptions? Subscriptions = null);

internal sealed record TopologyCenter(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("teamCode")] string TeamCode,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("managedFrom")] string ManagedFrom,
    [property: JsonPropertyName("industries")] string Industries,
    [property: JsonPropertyName("topic")] string Topic);

/// <summary>The subscriptions created on every Center topic and on the triage topic.</summary>
internal sealed record TopologySubscriptions(
    [property: JsonPropertyName("centerTopic")] IReadOnlyList<TopologySubscription>? CenterTopic,
    [property: JsonPropertyName("triageTopic")] IReadOnlyList<TopologySubscription>? TriageTopic);

internal sealed record TopologySubscription(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("filter")] string Filter);

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(TopologyDocument))]
internal sealed partial class TopologyJsonContext : JsonSerializerContext;
