using Cee.Routing.Htsus;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Tests.Htsus;

public class LinesClassificationTests
{
    private static HtsLine Line(string hts, int? number = null) => new(HtsNumber.Parse(hts), number);

    [Fact]
    public void ClassifyLines_MostLinesInOneCenter_IsPredominant()
    {
        var result = HtsRuleTable.Embedded.ClassifyLines(
        [
            Line("8471.30.0100", 1), // CEE007
            Line("8471.41.0150", 2), // CEE007
            Line("8703.23.0190", 3), // CEE003
        ]);

        Assert.Equal(PredominanceOutcome.Predominant, result.Outcome);
        Assert.Equal("CEE007", result.Predominant?.Id);
        Assert.Equal([("CEE007", 2), ("CEE003", 1)], result.Tally.Select(t => (t.Center.Id, t.Lines)));
        Assert.Equal(["CEE007", "CEE007", "CEE003"], result.Lines.Select(l => l.Classification.Center?.Id));
    }

    [Fact]
    public void ClassifyLines_Tie_IsAmbiguousWhateverTheOrder()
    {
        HtsLine[] lines =
        [
            Line("8471.30.0100", 1), // CEE007
            Line("3004.90.9290", 2), // CEE001
            Line("8517.13.0000", 3), // CEE007
            Line("3002.15.0100", 4), // CEE001
        ];

        var forward = HtsRuleTable.Embedded.ClassifyLines(lines);
        var backward = HtsRuleTable.Embedded.ClassifyLines(lines.Reverse());

        foreach (var result in new[] { forward, backward })
        {
            Assert.Equal(PredominanceOutcome.Tie, result.Outcome);
            Assert.Null(result.Predominant);
            Assert.Equal(["CEE001", "CEE007"], result.Leaders.Select(c => c.Id));
        }
    }

    [Fact]
    public void ClassifyLines_SpecialProvisions_AreSkipped()
    {
        // A Section 301 line: 9903.88.15 is reported beside the chapter 85 number on line 1.
        var result = HtsRuleTable.Embedded.ClassifyLines(
        [
            Line("9903.88.15", 1),
            Line("8517.62.0090", 1),
            Line("9903.88.03", 2),
            Line("9403.60.8081", 2),
            Line("9403.20.0082", 3),
        ]);

        Assert.Equal("CEE008", result.Predominant?.Id);
        Assert.Equal([false, true, false, true, true], result.Lines.Select(l => l.Counted));
        Assert.Equal(HtsClassificationOutcome.SpecialProvision, result.Lines[0].Classification.Outcome);
    }

    [Fact]
    public void ClassifyLines_TwoNumbersOnOneLine_CountOncePerCenter()
    {
        var result = HtsRuleTable.Embedded.ClassifyLines(
        [
            Line("8471.30.0100", 1),
            Line("8471.50.0150", 1),
            Line("8703.23.0190", 2),
        ]);

        Assert.Equal(PredominanceOutcome.Tie, result.Outcome);
        Assert.Equal([true, false, true], result.Lines.Select(l => l.Counted));
    }

    [Fact]
    public void ClassifyLines_UnnumberedLines_EachCount()
    {
        var result = HtsRuleTable.Embedded.ClassifyLines([Line("8471.30.0100"), Line("8471.30.0100"), Line("8703.23.0190")]);

        Assert.Equal("CEE007", result.Predominant?.Id);
        Assert.Equal(2, result.Tally[0].Lines);
    }

    [Fact]
    public void ClassifyLines_OnlySpecialProvisionsOrNothing_HasNoPredominantCenter()
    {
        var special = HtsRuleTable.Embedded.ClassifyLines([Line("9903.88.15", 1)]);
        var empty = HtsRuleTable.Embedded.ClassifyLines([]);

        Assert.Equal(PredominanceOutcome.NoClassifiableLines, special.Outcome);
        Assert.Equal(PredominanceOutcome.NoClassifiableLines, empty.Outcome);
        Assert.Empty(empty.Leaders);
    }
}
