using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cee.Routing.Htsus;

/// <summary>The JSON shape of a rules table (the embedded one or an override file).</summary>
internal sealed record HtsRuleDocument(
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("rules")] IReadOnlyList<HtsRuleRow>? Rules);

internal sealed record HtsRuleRow(
    [property: JsonPropertyName("hts")] string? Hts,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("provenance")] string? Provenance,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("effective")] string? Effective);

[JsonSourceGenerationOptions(
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(HtsRuleDocument))]
internal sealed partial class HtsRuleJsonContext : JsonSerializerContext;
