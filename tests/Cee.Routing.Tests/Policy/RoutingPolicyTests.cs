using Cee.Routing.Accounts;
using Cee.Routing.Htsus;
using Cee.Routing.Intake;
using Cee.Routing.Policy;
using Cee.Routing.Review;
using TestDrops = Cee.Routing.Tests.Support.Drops;

namespace Cee.Routing.Tests.Policy;

public class RoutingPolicyTests
{
    private static HtsLinesVerdict Lines(IReadOnlyList<CommodityLine> lines) => HtsLinesVerdict.Classify(HtsRuleTable.Embedded, lines);

    private static ImporterAccount Account(ImporterRef importer, AccountStatus status, string? center = null, params string[] trusted) =>
        new(importer.LookupKey, importer.Masked, status, center, trusted);

    private static RoutingFacts Facts(
        IReadOnlyList<ImporterAccount>? accounts = null,
        RequestIssuer? request = null,
        IReadOnlyList<CommodityLine>? lines = null) =>
        new(TestDrops.Package(), accounts ?? [], request, Lines(lines ?? TestDrops.ElectronicsLines));

    [Fact]
    public void Decide_AssignedAccount_WinsOverHtsusLines()
    {
        var decision = RoutingPolicy.Decide(Facts([Account(TestDrops.Electronics, AccountStatus.Assigned, "CEE009")]));

        Assert.Equal((DecisionOutcome.Route, "CEE009", RoutingBasis.ImporterAccount), (decision.Outcome, decision.Center, decision.Basis));
        Assert.Empty(decision.Rules);
        Assert.Equal([("CEE007", 2), ("CEE003", 1)], decision.Tally.Select(t => (t.Center, t.Lines)));
    }

    [Fact]
    public void Decide_AccountNamingNoCenter_FallsToHtsusAsUnknown()
    {
        var decision = RoutingPolicy.Decide(Facts([Account(TestDrops.Electronics, AccountStatus.Assigned, "CEE042")]));

        Assert.Equal(("CEE007", RoutingBasis.HtsPredominance), (decision.Center, decision.Basis));
        Assert.Contains(RoutingFlags.AccountUnknown, decision.Flags);
        Assert.Contains("'CEE042', which is not a Center", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TrustedTrader_IsFlagged()
    {
        var decision = RoutingPolicy.Decide(Facts([Account(TestDrops.Electronics, AccountStatus.Assigned, "CEE007", "C-TPAT", "ISA")]));

        Assert.Equal(["trusted-trader:C-TPAT", "trusted-trader:ISA"], decision.Flags);
    }

    [Fact]
    public void Decide_RequestIssuerKnown_WinsOverAccount()
    {
        var decision = RoutingPolicy.Decide(Facts(
            [Account(TestDrops.Electronics, AccountStatus.Assigned, "CEE007")],
            new RequestIssuer("R2704-2026-004127", "CEE004")));

        Assert.Equal(("CEE004", RoutingBasis.RequestIssuer, "cbp-request"), (decision.Center, decision.Basis, decision.Provenance));
    }

    [Fact]
    public void Decide_SameImporterTwice_IsOneImporter()
    {
        var account = Account(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");

        var decision = RoutingPolicy.Decide(Facts([account, account]));

        Assert.Equal(DecisionOutcome.Route, decision.Outcome);
    }

    [Fact]
    public void Decide_TwoImporters_GoesToReviewEvenWhenBothShareACenter()
    {
        var decision = RoutingPolicy.Decide(Facts(
            [Account(TestDrops.Electronics, AccountStatus.Assigned, "CEE007"), Account(TestDrops.Steel, AccountStatus.Assigned, "CEE007")]));

        Assert.Equal((DecisionOutcome.Review, null, RoutingBasis.None), (decision.Outcome, decision.Center, decision.Basis));
        Assert.Equal([RoutingFlags.ConflictingImporters], decision.Flags);
        Assert.Equal("the drop names 2 importers of record (12-345678900, 98-765432100); one submission must resolve to one importer", decision.Reasons[^1]);
        Assert.Equal([("CEE007", 2), ("CEE003", 1)], decision.Tally.Select(t => (t.Center, t.Lines)));
    }

    [Fact]
    public void Decide_AllOfficialRules_HasOfficialProvenance()
    {
        // Two passenger-car lines and one medicament line: A&A wins by official rule 8701-8711.
        var decision = RoutingPolicy.Decide(Facts(lines: [new("8703230190", 1), new("8703240190", 2), new("3004909290", 3)]));

        Assert.Equal(("CEE003", "official"), (decision.Center, decision.Provenance));
        Assert.Equal("8701-8711", Assert.Single(decision.Rules).Hts);
        Assert.Contains("2 of 3 classified HTSUS line(s) belong to CEE003 Automotive & Aerospace by rule 8701-8711 (official)", decision.Reasons[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Tie_GoesToReviewNamingBothCenters()
    {
        var decision = RoutingPolicy.Decide(Facts(lines: TestDrops.TiedLines));

        Assert.Equal(DecisionOutcome.Review, decision.Outcome);
        Assert.Equal("the HTSUS lines tie between CEE001 Pharmaceuticals, Health & Chemicals and CEE007 Electronics with 1 line(s) each", decision.Reasons[^1]);
    }

    [Fact]
    public void Decide_OnlySpecialProvisions_GoesToReview()
    {
        var decision = RoutingPolicy.Decide(Facts(lines: [new("9903881500", 1)]));

        Assert.Equal(DecisionOutcome.Review, decision.Outcome);
        Assert.Contains("special provisions", decision.Reasons[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SameFacts_SameDecision()
    {
        var facts = Facts([Account(TestDrops.Electronics, AccountStatus.NotEligible)]);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(RoutingPolicy.Decide(facts)),
            System.Text.Json.JsonSerializer.Serialize(RoutingPolicy.Decide(facts)));
    }

    [Fact]
    public void BestGuess_Tie_HasNoGuess()
    {
        var facts = Facts(lines: TestDrops.TiedLines);

        Assert.Null(RoutingPolicy.BestGuess(RoutingPolicy.Decide(facts), facts.Lines));
    }

    [Fact]
    public void FromReview_LowerCaseCenter_IsNormalizedAndCitesTheReviewer()
    {
        var pending = RoutingPolicy.Decide(Facts(lines: TestDrops.TiedLines));

        var decision = RoutingPolicy.FromReview(pending, new ReviewDecision(
            "d1", "cee001", "j.alvarez", "  bulk of value  ", DateTimeOffset.UnixEpoch, "6d9f1c2e-4b7a-4e1f-9c3d-2a8b5e7f0c14"));

        Assert.Equal(("CEE001", RoutingBasis.Reviewer, "reviewer", "j.alvarez"), (decision.Center, decision.Basis, decision.Provenance, decision.Reviewer));
        Assert.Equal("6d9f1c2e-4b7a-4e1f-9c3d-2a8b5e7f0c14", decision.ReviewerId);
        Assert.Equal("reviewer j.alvarez chose CEE001 Pharmaceuticals, Health & Chemicals: bulk of value", decision.Reasons[^1]);
    }

    [Theory]
    [InlineData("CEE001", "j.alvarez", null, 0)]
    [InlineData("NOTELG", "j.alvarez", "importer-account state", 1)]
    [InlineData("CEE011", "j.alvarez", "not an ACE Center ID", 1)]
    [InlineData("CEE001", "", "reviewer is required", 1)]
    public void ReviewDecision_Validate_NamesEachProblem(string center, string reviewer, string? problem, int count)
    {
        var problems = new ReviewDecision("d1", center, reviewer, null, DateTimeOffset.UnixEpoch).Validate();

        Assert.Equal(count, problems.Count);
        if (problem is not null)
        {
            Assert.Contains(problem, problems[0], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("6d9f1c2e-4b7a-4e1f-9c3d-2a8b5e7f0c14", 0)]
    [InlineData(null, 0)]
    [InlineData(" ", 1)]
    public void ReviewDecision_ValidateReviewerId_AcceptsAnIdOrNoneButNotABlank(string? reviewerId, int count)
    {
        var problems = new ReviewDecision("d1", "CEE001", "J. Alvarez", null, DateTimeOffset.UnixEpoch, reviewerId).Validate();

        Assert.Equal(count, problems.Count);
    }

    [Fact]
    public void ReviewDecision_ValidateReviewerIdTooLong_SaysSo()
    {
        var problems = new ReviewDecision("d1", "CEE001", "J. Alvarez", null, DateTimeOffset.UnixEpoch, new string('a', ReviewDecision.MaxReviewerIdLength + 1)).Validate();

        Assert.Contains("reviewerId", Assert.Single(problems), StringComparison.Ordinal);
    }
}
