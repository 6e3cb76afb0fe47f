using System.Text.Json.Serialization;

namespace Cee.Cli.Review;

/// <summary>The body of <c>POST api/reviews/{reviewId}</c> in <c>cee review serve</c>, as in the Functions app: <c>{ "center", "note" }</c>; a reviewer named in it is refused.</summary>
public sealed record ReviewDecisionBody(
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("reviewer")] string? Reviewer = null);
