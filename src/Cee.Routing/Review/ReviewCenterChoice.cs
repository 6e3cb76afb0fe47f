using System.Text.Json.Serialization;

namespace Cee.Routing.Review;

/// <summary>A Center a reviewer can pick: its ACE Center ID and name.</summary>
public sealed record ReviewCenterChoice(
    [property: JsonPropertyName("center")] string Center,
    [property: JsonPropertyName("name")] string Name);
