using System.Text.Json.Serialization;

namespace Cee.Cli.Review;

/// <summary>The answer to a decision in <c>cee review serve</c>: the drop's documents as the workflow left them.</summary>
public sealed record ReviewedDrop(
    [property: JsonPropertyName("reviewId")] string ReviewId,
    [property: JsonPropertyName("center")] string Center,
    [property: JsonPropertyName("reviewer")] string Reviewer,
    [property: JsonPropertyName("documents")] IReadOnlyList<Commands.RouteDocumentJson> Documents);
