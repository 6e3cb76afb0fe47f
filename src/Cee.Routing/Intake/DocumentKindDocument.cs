using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>The JSON shape of a label table (the embedded one or an override file).</summary>
internal sealed record DocumentKindDocument(
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("labels")] IReadOnlyList<DocumentKindRow>? Labels);

internal sealed record DocumentKindRow(
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("kind")] string? Kind);

[JsonSourceGenerationOptions(
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(DocumentKindDocument))]
internal sealed partial class DocumentKindJsonContext : JsonSerializerContext;
