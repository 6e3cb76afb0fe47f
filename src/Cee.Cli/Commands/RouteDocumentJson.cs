using System.Text.Json.Serialization;

namespace Cee.Cli.Commands;

/// <summary>One document (or one drop with no readable document) in <c>cee route --json</c>.</summary>
public sealed record RouteDocumentJson(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("documentId")] string? DocumentId,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons);
