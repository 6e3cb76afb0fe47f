using System.Text.Json.Serialization;

namespace Cee.Functions.Http;

/// <summary>The body of <c>POST reviews/{dropId}</c>: the Center a person chose, who they are, and why.</summary>
public sealed record ReviewRequestBody(
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("reviewer")] string? Reviewer,
    [property: JsonPropertyName("note")] string? Note);
