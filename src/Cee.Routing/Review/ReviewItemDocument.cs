using System.Text.Json.Serialization;
using Cee.Routing.Intake;

namespace Cee.Routing.Review;

/// <summary>A document of a drop awaiting review; its bytes are at <c>api/reviews/{reviewId}/documents/{documentId}</c>.</summary>
/// <param name="Type">The type its bytes show: <c>pdf</c>, <c>tiff</c>, <c>jpeg</c>, <c>png</c> or <c>unknown</c>.</param>
/// <param name="Stored">Whether intake stored a copy to show (false: there is nothing to open).</param>
public sealed record ReviewItemDocument(
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("kind")] DocumentKind Kind,
    [property: JsonPropertyName("fileName")] string? FileName,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("stored")] bool Stored);
