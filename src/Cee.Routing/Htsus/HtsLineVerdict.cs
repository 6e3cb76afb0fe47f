using System.Text.Json.Serialization;

namespace Cee.Routing.Htsus;

/// <summary>One commodity line's Center, in serializable form.</summary>
/// <param name="Hts">Normalized digits as given (or the raw text when it did not parse).</param>
/// <param name="Line">Entry line number, if any.</param>
/// <param name="Center">The line's Center ID, or null.</param>
/// <param name="Rule">The matching rule, or null.</param>
/// <param name="Counted">Whether the line counted toward predominance.</param>
/// <param name="Note">Why the line has no Center (special provision, malformed number), or null.</param>
public sealed record HtsLineVerdict(
    [property: JsonPropertyName("hts")] string Hts,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("rule")] RuleReference? Rule,
    [property: JsonPropertyName("counted")] bool Counted,
    [property: JsonPropertyName("note")] string? Note);
