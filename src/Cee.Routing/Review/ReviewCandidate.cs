using System.Text.Json.Serialization;

namespace Cee.Routing.Review;

/// <summary>A Center the HTSUS lines of a drop point to, with how many lines.</summary>
public sealed record ReviewCandidate(
    [property: JsonPropertyName("center")] string Center,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("lines")] int Lines);
