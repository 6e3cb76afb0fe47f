using System.Text.Json.Serialization;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;

namespace Cee.Routing.Htsus;

/// <summary>
/// The HTSUS classification of a drop's commodity lines in a form that crosses process boundaries
/// (a Durable activity's output): each line, the tally, and the predominant Center or the tie.
/// </summary>
/// <param name="TableVersion">The rules table that classified (with its override, if any).</param>
/// <param name="Lines">Each line, in input order.</param>
/// <param name="Tally">Lines per Center, most first.</param>
/// <param name="Outcome">Predominant, tie, or no classifiable lines.</param>
/// <param name="Predominant">The predominant Center ID, or null.</param>
public sealed record HtsLinesVerdict(
    [property: JsonPropertyName("tableVersion")] string TableVersion,
    [property: JsonPropertyName("lines")] IReadOnlyList<HtsLineVerdict> Lines,
    [property: JsonPropertyName("tally")] IReadOnlyList<CenterCount> Tally,
    [property: JsonPropertyName("outcome")] PredominanceOutcome Outcome,
    [property: JsonPropertyName("predominant")] string? Predominant)
{
    /// <summary>The Centers sharing the highest count.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Leaders => Tally.Count == 0
        ? []
        : [.. Tally.TakeWhile(t => t.Lines == Tally[0].Lines).Select(t => t.Center)];

    /// <summary>The distinct rules of the counted lines that point to <paramref name="centerId"/>.</summary>
    public IReadOnlyList<RuleReference> RulesFor(string centerId) =>
        [.. Lines.Where(l => l.Counted && l.Center == centerId && l.Rule is not null)
            .Select(l => l.Rule!)
            .DistinctBy(r => (r.Hts, r.Origin))];

    /// <summary>Classifies commodity lines as they come from intake (normalized digits; anything unparsable is noted, not counted).</summary>
    public static HtsLinesVerdict Classify(HtsRuleTable table, IReadOnlyList<CommodityLine> lines)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(lines);
        var parsed = new List<HtsLine>(lines.Count);
        var positions = new List<int>(lines.Count);
        var verdicts = new HtsLineVerdict?[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (HtsNumber.TryParse(lines[i].Hts, out var hts, out var error))
            {
                parsed.Add(new HtsLine(hts, lines[i].Line));
                positions.Add(i);
            }
            else
            {
                verdicts[i] = new HtsLineVerdict(lines[i].Hts, lines[i].Line, null, null, false, HtsNumber.Describe(error));
            }
        }

        var classification = table.ClassifyLines(parsed);
        for (var j = 0; j < classification.Lines.Count; j++)
        {
            var line = classification.Lines[j];
            var rule = line.Classification.Rule;
            verdicts[positions[j]] = new HtsLineVerdict(
                line.Line.Hts.ToString(),
                line.Line.LineNumber,
                rule?.Center.Id,
                rule is null ? null : RuleReference.From(rule),
                line.Counted,
                line.Classification.Explanation);
        }

        return new HtsLinesVerdict(
            table.Version,
            [.. verdicts.Select(v => v!)],
            [.. classification.Tally.Select(t => new CenterCount(t.Center.Id, t.Lines))],
            classification.Outcome,
            classification.Predominant?.Id);
    }
}
