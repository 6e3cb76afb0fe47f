using System.Text.Json.Serialization;
using Cee.Routing.Intake;

namespace Cee.Routing.Messages;

/// <summary>A document as a reviewer sees it in a review request.</summary>
public sealed record ReviewDocument(
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("kind")] DocumentKind Kind,
    [property: JsonPropertyName("fileName")] string? FileName,
    [property: JsonPropertyName("documentLocation")] string? DocumentLocation);
