using Cee.Routing.Htsus;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Tests.Htsus;

/// <summary>The shipped table: the official rows of CEE.md exactly, full coverage, the official boundaries.</summary>
public class EmbeddedRuleTableTests
{
    private static readonly HtsRuleTable Table = HtsRuleTable.Embedded;

    [Fact]
    public void OfficialRows_MatchTheNoticesExactly()
    {
        var official = Table.Rules
            .Where(r => r.Provenance == RuleProvenance.Official)
            .Select(r => $"{r.Key} {r.Center.Id}")
            .Order(StringComparer.Ordinal)
            .ToList();

        // CBP PHC Center trade notice of 28 Jan 2015; 79 FR 13322 (10 Mar 2014) for A&A, with 8511.
        string[] expected =
        [
            "2801-3302 CEE001", "3402-3405 CEE001", "3407-3604 CEE001", "3606-3817 CEE001", "3819-3825 CEE001",
            "4014 CEE001", "9018-9019 CEE001", "9021-9022 CEE001", "9402 CEE001",
            "8701-8711 CEE003", "8713 CEE003", "8714 CEE003", "8716 CEE003", "8801-8805 CEE003", "8511 CEE003",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), official);
    }

    [Fact]
    public void Rules_EveryRow_HasSourceOrReasonAndOrigin()
    {
        Assert.All(Table.Rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Source));
            Assert.StartsWith("embedded ", rule.Origin, StringComparison.Ordinal);
        });
        Assert.All(Table.Rules.Where(r => r.Provenance == RuleProvenance.Official), r =>
            Assert.Matches("notice|FR", r.Source));
    }

    [Fact]
    public void Classify_EveryChapter01To97_HasACenter()
    {
        for (var chapter = 1; chapter <= 97; chapter++)
        {
            if (chapter == 77)
            {
                continue;
            }

            for (var heading = 1; heading <= 99; heading++)
            {
                var hts = HtsNumber.Parse($"{chapter:00}{heading:00}.10.0000");
                Assert.Equal(HtsClassificationOutcome.Matched, Table.Classify(hts).Outcome);
            }
        }
    }

    [Theory]
    // 3302/3303: the PHC list stops at 3302; cosmetics are Consumer Products.
    [InlineData("3302.10.1000", "CEE001", RuleProvenance.Official, "2801-3302")]
    [InlineData("3303.00.3000", "CEE008", RuleProvenance.Inferred, "3303-3307")]
    // 3401/3402: soap is left out, surface-active agents are in.
    [InlineData("3401.11.1000", "CEE008", RuleProvenance.Inferred, "3401")]
    [InlineData("3402.31.0000", "CEE001", RuleProvenance.Official, "3402-3405")]
    // 3406/3407: candles out, modelling pastes in.
    [InlineData("3406.00.0000", "CEE008", RuleProvenance.Inferred, "3406")]
    [InlineData("3407.00.2000", "CEE001", RuleProvenance.Official, "3407-3604")]
    // 3506 lies inside 3407-3604; 3605 (matches) does not.
    [InlineData("3506.10.1000", "CEE001", RuleProvenance.Official, "3407-3604")]
    [InlineData("3604.10.9000", "CEE001", RuleProvenance.Official, "3407-3604")]
    [InlineData("3605.00.0060", "CEE008", RuleProvenance.Inferred, "3605")]
    [InlineData("3606.10.0000", "CEE001", RuleProvenance.Official, "3606-3817")]
    // 3817/3818/3819: doped wafers for electronics sit between two PHC ranges.
    [InlineData("3817.00.1000", "CEE001", RuleProvenance.Official, "3606-3817")]
    [InlineData("3818.00.0010", "CEE007", RuleProvenance.Inferred, "3818")]
    [InlineData("3819.00.0010", "CEE001", RuleProvenance.Official, "3819-3825")]
    // 4014 (hygienic rubber articles) is PHC; 4015 (rubber apparel and gloves) falls to chapter 40.
    [InlineData("4014.10.0000", "CEE001", RuleProvenance.Official, "4014")]
    [InlineData("4015.12.1010", "CEE009", RuleProvenance.Inferred, "39-40")]
    // 9019/9020/9021: breathing appliances (9020) are not on the PHC list.
    [InlineData("9019.20.0000", "CEE001", RuleProvenance.Official, "9018-9019")]
    [InlineData("9020.00.6000", "CEE007", RuleProvenance.Inferred, "90")]
    [InlineData("9021.10.0050", "CEE001", RuleProvenance.Official, "9021-9022")]
    // 9401/9402: seats are furniture; medical furniture is PHC.
    [InlineData("9401.61.4011", "CEE008", RuleProvenance.Inferred, "91-97")]
    [InlineData("9402.90.0020", "CEE001", RuleProvenance.Official, "9402")]
    // 8510/8511/8512: ignition equipment moved from Machinery to A&A; its neighbours stay in chapter 85.
    [InlineData("8510.10.0000", "CEE007", RuleProvenance.Inferred, "85")]
    [InlineData("8511.10.0000", "CEE003", RuleProvenance.Official, "8511")]
    [InlineData("8512.20.2040", "CEE007", RuleProvenance.Inferred, "85")]
    // 8712 (bicycles) and 8715 (baby carriages) are left out of the A&A list.
    [InlineData("8711.60.0050", "CEE003", RuleProvenance.Official, "8701-8711")]
    [InlineData("8712.00.1510", "CEE008", RuleProvenance.Inferred, "8712")]
    [InlineData("8713.10.0000", "CEE003", RuleProvenance.Official, "8713")]
    [InlineData("8715.00.0040", "CEE008", RuleProvenance.Inferred, "8715")]
    [InlineData("8716.39.0090", "CEE003", RuleProvenance.Official, "8716")]
    // 8805 is the last aerospace heading of the notice; 8806 (drones) post-dates it.
    [InlineData("8805.10.0000", "CEE003", RuleProvenance.Official, "8801-8805")]
    [InlineData("8806.21.0000", "CEE003", RuleProvenance.Inferred, "88")]
    // The acceptance examples.
    [InlineData("8471.30.0100", "CEE007", RuleProvenance.Inferred, "8470-8473")]
    [InlineData("3004.90.9290", "CEE001", RuleProvenance.Official, "2801-3302")]
    [InlineData("8703.23.0190", "CEE003", RuleProvenance.Official, "8701-8711")]
    public void Classify_OfficialBoundaries_PicksTheLongestMatchingRow(string written, string center, RuleProvenance provenance, string rule)
    {
        var result = Table.Classify(HtsNumber.Parse(written));

        Assert.Equal(HtsClassificationOutcome.Matched, result.Outcome);
        Assert.Equal(center, result.Center?.Id);
        Assert.Equal(provenance, result.Rule?.Provenance);
        Assert.Equal(rule, result.Rule?.Key);
        Assert.Null(result.Explanation);
    }

    [Theory]
    [InlineData("9903.88.15")]
    [InlineData("9802.00.8068")]
    public void Classify_SpecialProvision_HasNoCenterAndSaysWhy(string written)
    {
        var result = Table.Classify(HtsNumber.Parse(written));

        Assert.Equal(HtsClassificationOutcome.SpecialProvision, result.Outcome);
        Assert.Null(result.Center);
        Assert.Contains("special provision", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ShorterNumber_UsesOnlyRowsItsDigitsReach()
    {
        // "84" alone cannot reach the 8470-8473 heading row: the chapter row decides.
        Assert.Equal("CEE010", Table.Classify(HtsNumber.Parse("84")).Center?.Id);
        Assert.Equal("CEE007", Table.Classify(HtsNumber.Parse("8471")).Center?.Id);
    }

    [Fact]
    public void Version_IsTheTableVersion()
    {
        Assert.Equal("2026-11-22", Table.Version);
    }
}
