using System.Text.Json.Serialization;

namespace Cee.Routing.Htsus;

/// <summary>How many lines point to a Center (serializable).</summary>
public sealed record CenterCount(
    [property: JsonPropertyName("center")] string Center,
    [property: JsonPropertyName("lines")] int Lines);
