using System.Globalization;
using System.Text.Json.Serialization;

namespace Cee.Routing.Htsus;

/// <summary>An HTSUS rule as a decision cites it: enough to explain it without the table at hand.</summary>
/// <param name="Hts">The row's prefix or range, e.g. <c>8470-8473</c>.</param>
/// <param name="Center">The row's Center ID.</param>
/// <param name="Provenance"><c>official</c> or <c>inferred</c>.</param>
/// <param name="Source">The notice (official) or the reason (inferred).</param>
/// <param name="Effective">The row's effective date, <c>yyyy-MM-dd</c>.</param>
/// <param name="Origin">The table the row came from (embedded version or override file).</param>
public sealed record RuleReference(
    [property: JsonPropertyName("hts")] string Hts,
    [property: JsonPropertyName("center")] string Center,
    [property: JsonPropertyName("provenance")] string Provenance,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("effective")] string Effective,
    [property: JsonPropertyName("origin")] string Origin)
{
    public static RuleReference From(HtsRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new RuleReference(
            rule.Key,
            rule.Center.Id,
            rule.Provenance == RuleProvenance.Official ? "official" : "inferred",
            rule.Source,
            rule.Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            rule.Origin);
    }
}
