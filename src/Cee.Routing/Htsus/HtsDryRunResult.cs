using System.Text.Json.Serialization;

namespace Cee.Routing.Htsus;

/// <summary>
/// One input's answer in a dry run of the HTSUS rules: what <c>cee classify --json</c> prints and
/// what <c>POST classify</c> returns, field for field.
/// </summary>
/// <param name="Input">The text as given.</param>
/// <param name="Valid">Whether the input is an HTSUS number.</param>
/// <param name="Hts">The normalized digits, or null when invalid.</param>
/// <param name="Center">The Center ID (e.g. <c>CEE007</c>), or null.</param>
/// <param name="CenterName">The Center's name, or null.</param>
/// <param name="Rule">The matched prefix or range, or null.</param>
/// <param name="Provenance"><c>official</c> or <c>inferred</c>, or null.</param>
/// <param name="Error">Why the input is invalid or has no Center, or null.</param>
public sealed record HtsDryRunResult(
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("hts")] string? Hts,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("centerName")] string? CenterName,
    [property: JsonPropertyName("rule")] string? Rule,
    [property: JsonPropertyName("provenance")] string? Provenance,
    [property: JsonPropertyName("error")] string? Error);
