using System.Text.Json.Serialization;

namespace Cee.Routing.Review;

/// <summary>The body of <c>POST reviews/{dropId}</c> (the Functions app and <c>cee review serve</c> alike): the Center a person chose, and why.</summary>
/// <param name="Center">The chosen Center ID, <c>CEE001</c>…<c>CEE010</c>.</param>
/// <param name="Note">Why, in the reviewer's words.</param>
/// <param name="Reviewer">
/// Refused when present: the reviewer is the signed-in principal, never a name a client writes.
/// Read only so that a client still sending it hears why it was refused.
/// </param>
public sealed record ReviewRequestBody(
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("reviewer")] string? Reviewer = null);
