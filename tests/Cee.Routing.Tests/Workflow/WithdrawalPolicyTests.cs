using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Policy;
using Cee.Routing.Workflow;
using TestDrops = Cee.Routing.Tests.Support.Drops;

namespace Cee.Routing.Tests.Workflow;

/// <summary><see cref="WithdrawalPolicy.Decide"/> over ledger records as the lookup returns them.</summary>
public class WithdrawalPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);
    private static readonly IntakeResult Withdrawal = TestDrops.Withdrawal(TestDrops.Reference("port-drops/2704/withdrawal-doc-1.xml"));

    [Theory]
    [InlineData(LedgerState.Routed)]
    [InlineData(LedgerState.Delivered)]
    [InlineData(LedgerState.Transferred)]
    public void Decide_DocumentWithACenter_IsWithdrawn(LedgerState state)
    {
        var record = Record("a", state);

        var decision = WithdrawalPolicy.Decide(Withdrawal, [record]);

        Assert.Null(decision.Refusal);
        Assert.Equal([record], decision.Targets);
    }

    [Theory]
    [InlineData(LedgerState.Received)]
    [InlineData(LedgerState.Validated)]
    [InlineData(LedgerState.AwaitingReview)]
    [InlineData(LedgerState.Failed)]
    [InlineData(LedgerState.Rejected)]
    [InlineData(LedgerState.Duplicate)]
    public void Decide_DocumentWithNoCenter_IsRefusedNamingItsState(LedgerState state)
    {
        var decision = WithdrawalPolicy.Decide(Withdrawal, [Record("a", state)]);

        Assert.Empty(decision.Targets);
        Assert.Equal(FindingCodes.WithdrawalNotWithCenter, decision.Refusal!.Code);
        Assert.Contains($"a is {state}", decision.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WithdrawnByThisWithdrawal_IsWithdrawnAgainButByAnotherIsRefused()
    {
        var mine = Record("a", LedgerState.Withdrawn, withdrawnBy: Withdrawal.DropId);
        var theirs = Record("b", LedgerState.Withdrawn, withdrawnBy: "d0123");

        Assert.Equal([mine], WithdrawalPolicy.Decide(Withdrawal, [mine]).Targets);
        var refused = WithdrawalPolicy.Decide(Withdrawal, [theirs]);
        Assert.Equal(FindingCodes.WithdrawalAlreadyWithdrawn, refused.Refusal!.Code);
        Assert.Contains("already withdrawn by drop d0123", refused.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OnlyTheRecordsOfTheNamedEntryCount()
    {
        var otherEntry = Record("a", LedgerState.Routed, entry: TestDrops.SecondEntry);
        var sameEntry = Record("b", LedgerState.Routed);

        Assert.Equal([sameEntry], WithdrawalPolicy.Decide(Withdrawal, [otherEntry, sameEntry]).Targets);
        Assert.Equal(FindingCodes.WithdrawalUnknownDocument, WithdrawalPolicy.Decide(Withdrawal, [otherEntry]).Refusal!.Code);
        Assert.Equal([otherEntry], WithdrawalPolicy.Decide(Withdrawal with { Entries = [] }, [otherEntry]).Targets);
    }

    [Fact]
    public void Decide_NothingFound_IsRefusedAsUnknownNamingPortAndEntry()
    {
        var refusal = WithdrawalPolicy.Decide(Withdrawal, []).Refusal!;

        Assert.Equal(FindingCodes.WithdrawalUnknownDocument, refusal.Code);
        Assert.Equal("no document DOC-1 on port 2704 for entry 002-6110316-2 was submitted: there is nothing to withdraw", refusal.Message);
    }

    private static LedgerRecord Record(string id, LedgerState state, string entry = TestDrops.Entry, string? withdrawnBy = null)
    {
        var document = new IntakeDocument(id, "DOC-1", "Commercial Invoice", DocumentKind.EntrySummary, "invoice.pdf", "pdf", "pdf", 48_213, new string('a', 64), null);
        var subject = new LedgerSubject("d-original", "port-drops/2704/entry.xml", new string('b', 64), DropKind.Dis, document, "2704", "002", [entry], "12-345678900", null);
        var center = state.IsWithCenter() || state == LedgerState.Withdrawn ? "CEE007" : null;
        var history = new List<LedgerHistoryEntry> { new("received", LedgerState.Received, T0, "received", "d-original") };
        if (withdrawnBy is not null)
        {
            history.Add(new LedgerHistoryEntry(WithdrawalPolicy.Step, LedgerState.Withdrawn, T0.AddMinutes(5), "withdrawn", withdrawnBy));
        }

        var decision = center is null ? null : new RoutingDecision(DecisionOutcome.Route, center, RoutingBasis.ImporterAccount, "importer-account", ["assigned to CEE007"], [], [], []);
        return new LedgerRecord(id, LedgerRecord.CurrentSchemaVersion, subject, state, decision, center, center is null ? null : "cee007", null, history, T0);
    }
}
