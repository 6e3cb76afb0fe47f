using Cee.Routing.Centers;

namespace Cee.Routing.Htsus;

/// <summary>Every line's Center and the predominant Center by count of lines.</summary>
/// <param name="Lines">Each line's result, in input order.</param>
/// <param name="Tally">Lines per Center, most first; Centers with equal counts in ID order (for display only: ties are never broken).</param>
public sealed record LinesClassification(IReadOnlyList<LineClassification> Lines, IReadOnlyList<CenterLineCount> Tally)
{
    public PredominanceOutcome Outcome => Tally.Count switch
    {
        0 => PredominanceOutcome.NoClassifiableLines,
        1 => PredominanceOutcome.Predominant,
        _ => Tally[0].Lines > Tally[1].Lines ? PredominanceOutcome.Predominant : PredominanceOutcome.Tie,
    };

    /// <summary>The predominant Center, or null on a tie or when nothing was classifiable.</summary>
    public Center? Predominant => Outcome == PredominanceOutcome.Predominant ? Tally[0].Center : null;

    /// <summary>The Centers sharing the highest count (one when there is a predominant Center).</summary>
    public IReadOnlyList<Center> Leaders => Tally.Count == 0
        ? []
        : Tally.TakeWhile(t => t.Lines == Tally[0].Lines).Select(t => t.Center).ToList();
}
