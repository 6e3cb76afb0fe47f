using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>A commodity line as routing uses it.</summary>
/// <param name="Hts">The HTSUS number as normalized digits (e.g. <c>8471300100</c>).</param>
/// <param name="Line">The entry line number, when the drop gave one.</param>
public sealed record CommodityLine(
    [property: JsonPropertyName("hts")] string Hts,
    [property: JsonPropertyName("line")] int? Line);
