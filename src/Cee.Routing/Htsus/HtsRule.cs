using Cee.Routing.Centers;

namespace Cee.Routing.Htsus;

/// <summary>
/// One row of the HTSUS-to-Center table: every number whose <paramref name="Digits"/>-digit
/// prefix lies in <paramref name="From"/>..<paramref name="To"/> (inclusive) belongs to
/// <paramref name="Center"/>, unless a longer prefix says otherwise.
/// </summary>
/// <param name="Key">The row as written in the table, e.g. <c>8470-8473</c> or <c>4014</c>.</param>
/// <param name="Digits">Prefix length: 2 (chapter), 4 (heading) or 6 (subheading).</param>
/// <param name="From">First prefix of the range, as an integer (e.g. 8470).</param>
/// <param name="To">Last prefix of the range, inclusive.</param>
/// <param name="Center">The Center that owns numbers in the range.</param>
/// <param name="Provenance">Official or inferred.</param>
/// <param name="Source">For an official row the notice it comes from; for an inferred row why it is believed.</param>
/// <param name="Effective">The date from which the row holds.</param>
/// <param name="Origin">The table the row was loaded from: the embedded table's version or an override file.</param>
public sealed record HtsRule(
    string Key,
    int Digits,
    int From,
    int To,
    Center Center,
    RuleProvenance Provenance,
    string Source,
    DateOnly Effective,
    string Origin)
{
    /// <summary>Whether <paramref name="prefix"/> (of <see cref="Digits"/> digits) lies in this row's range.</summary>
    public bool Contains(int prefix) => prefix >= From && prefix <= To;

    /// <summary>Whether this row covers the same prefixes at the same level as <paramref name="other"/>.</summary>
    public bool SameRangeAs(HtsRule other) => Digits == other.Digits && From == other.From && To == other.To;

    public override string ToString() => $"{Key} -> {Center.Id} ({Provenance.ToString().ToLowerInvariant()})";
}
