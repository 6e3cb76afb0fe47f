using Cee.Routing.Ledger;
using Cee.Routing.Policy;
using TestDrops = Cee.Routing.Tests.Support.Drops;

namespace Cee.Routing.Tests.Ledger;

public class LedgerRecordTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);
    private static readonly LedgerSubject Subject = LedgerSubject.Of(TestDrops.Package())[0];

    private static LedgerTransition Move(string step, LedgerState state, int seconds, RoutingDecision? decision = null) =>
        new(Subject.RecordId, step, state, T0.AddSeconds(seconds), $"{step} reason", Subject.DropId, step == "received" ? Subject : null, decision);

    private static readonly RoutingDecision Routed = new(DecisionOutcome.Route, "CEE007", RoutingBasis.ImporterAccount, "importer-account", ["assigned"], [], [], []);

    [Theory]
    [InlineData(null, LedgerState.Received, true)]
    [InlineData(null, LedgerState.Routed, false)]
    [InlineData(LedgerState.Received, LedgerState.Validated, true)]
    [InlineData(LedgerState.Received, LedgerState.Rejected, true)]
    [InlineData(LedgerState.Received, LedgerState.Duplicate, true)]
    [InlineData(LedgerState.Received, LedgerState.Routed, false)]
    [InlineData(LedgerState.Validated, LedgerState.AwaitingReview, true)]
    [InlineData(LedgerState.Validated, LedgerState.Routed, true)]
    [InlineData(LedgerState.Validated, LedgerState.Rejected, false)]
    [InlineData(LedgerState.AwaitingReview, LedgerState.AwaitingReview, true)]
    [InlineData(LedgerState.AwaitingReview, LedgerState.Routed, true)]
    [InlineData(LedgerState.AwaitingReview, LedgerState.Transferred, true)]
    [InlineData(LedgerState.Routed, LedgerState.AwaitingReview, false)]
    [InlineData(LedgerState.Rejected, LedgerState.Validated, false)]
    [InlineData(LedgerState.Duplicate, LedgerState.Routed, false)]
    [InlineData(LedgerState.Routed, LedgerState.Delivered, true)]
    [InlineData(LedgerState.Routed, LedgerState.Transferred, true)]
    [InlineData(LedgerState.Delivered, LedgerState.Transferred, true)]
    [InlineData(LedgerState.Delivered, LedgerState.Routed, false)]
    [InlineData(LedgerState.Transferred, LedgerState.Delivered, true)]
    [InlineData(LedgerState.Transferred, LedgerState.Transferred, true)]
    [InlineData(LedgerState.Transferred, LedgerState.AwaitingReview, true)]
    [InlineData(LedgerState.Routed, LedgerState.Withdrawn, true)]
    [InlineData(LedgerState.Delivered, LedgerState.Withdrawn, true)]
    [InlineData(LedgerState.AwaitingReview, LedgerState.Withdrawn, true)]
    [InlineData(LedgerState.Failed, LedgerState.Withdrawn, true)]
    [InlineData(LedgerState.Rejected, LedgerState.Withdrawn, false)]
    [InlineData(LedgerState.Withdrawn, LedgerState.Withdrawn, false)]
    [InlineData(LedgerState.Withdrawn, LedgerState.Routed, false)]
    [InlineData(LedgerState.Received, LedgerState.Failed, true)]
    [InlineData(LedgerState.Validated, LedgerState.Failed, true)]
    [InlineData(LedgerState.AwaitingReview, LedgerState.Failed, true)]
    [InlineData(LedgerState.Routed, LedgerState.Failed, false)]
    [InlineData(LedgerState.Failed, LedgerState.Validated, true)]
    [InlineData(LedgerState.Failed, LedgerState.AwaitingReview, true)]
    [InlineData(LedgerState.Failed, LedgerState.Routed, false)]
    [InlineData(LedgerState.Validated, LedgerState.Superseded, true)]
    [InlineData(LedgerState.AwaitingReview, LedgerState.Superseded, true)]
    [InlineData(LedgerState.Failed, LedgerState.Superseded, true)]
    [InlineData(LedgerState.Routed, LedgerState.Superseded, false)]
    [InlineData(LedgerState.Superseded, LedgerState.Validated, false)]
    public void CanMove_StateMachine_AllowsOnlyForwardMoves(LedgerState? from, LedgerState to, bool allowed)
    {
        Assert.Equal(allowed, LedgerStates.CanMove(from, to));
    }

    [Fact]
    public void CanMove_FinalStates_AcceptNothing()
    {
        var finals = Enum.GetValues<LedgerState>().Where(s => s.IsFinal()).ToList();

        Assert.Equal([LedgerState.Rejected, LedgerState.Duplicate, LedgerState.Withdrawn, LedgerState.Superseded], finals);
        Assert.All(finals, from => Assert.All(Enum.GetValues<LedgerState>(), to => Assert.False(LedgerStates.CanMove(from, to), $"{from} → {to}")));
    }

    [Fact]
    public void IsTerminal_EveryStateThatCanStillMove_IsNotFinal()
    {
        // Terminal means the routing workflow is done; only a final state takes nothing at all.
        var open = Enum.GetValues<LedgerState>().Where(s => Enum.GetValues<LedgerState>().Any(to => LedgerStates.CanMove(s, to)));

        Assert.All(open, s => Assert.False(s.IsFinal(), s.ToString()));
        Assert.Equal(
            [LedgerState.Received, LedgerState.Validated, LedgerState.AwaitingReview],
            Enum.GetValues<LedgerState>().Where(s => !s.IsTerminal()));
    }

    [Fact]
    public void Apply_Transfer_MovesTheCenterAndKeepsBothInHistory()
    {
        var routed = LedgerRecord.Create(Move("received", LedgerState.Received, 0)).Record
            .Apply(Move("validated", LedgerState.Validated, 1)).Record
            .Apply(Move("routed", LedgerState.Routed, 2, Routed)).Record;
        var toBaseMetals = Routed with { Center = "CEE005", Basis = RoutingBasis.Reviewer, Reasons = ["CEE007: steel pipe, not electronics"] };

        var transferred = routed.Apply(Move("transferred-1", LedgerState.Transferred, 3, toBaseMetals)).Record
            .Apply(Move("delivered-2", LedgerState.Delivered, 4)).Record;

        Assert.Equal(LedgerState.Delivered, transferred.State);
        Assert.Equal("CEE005", transferred.Center);
        Assert.True(transferred.WasRouted);
        Assert.Equal([LedgerState.Received, LedgerState.Validated, LedgerState.Routed, LedgerState.Transferred, LedgerState.Delivered], transferred.History.Select(h => h.State));
    }

    [Fact]
    public void Apply_FullLife_KeepsAppendOnlyHistory()
    {
        var record = LedgerRecord.Create(Move("received", LedgerState.Received, 0)).Record;
        record = record.Apply(Move("validated", LedgerState.Validated, 1)).Record;
        record = record.Apply(Move("routed", LedgerState.Routed, 2, Routed) with { Topic = "cee007" }).Record;

        Assert.Equal(LedgerState.Routed, record.State);
        Assert.Equal("CEE007", record.Center);
        Assert.Equal("cee007", record.Topic);
        Assert.Equal(T0.AddSeconds(2), record.UpdatedAt);
        Assert.Equal([LedgerState.Received, LedgerState.Validated, LedgerState.Routed], record.History.Select(h => h.State));
        Assert.All(record.History, h => Assert.Equal(Subject.DropId, h.CorrelationId));
    }

    [Fact]
    public void Apply_SameStepAgain_IsAlreadyAppliedAndUnchanged()
    {
        var record = LedgerRecord.Create(Move("received", LedgerState.Received, 0)).Record.Apply(Move("validated", LedgerState.Validated, 1)).Record;

        var again = record.Apply(Move("validated", LedgerState.Validated, 5));

        Assert.Equal(LedgerApplyOutcome.AlreadyApplied, again.Outcome);
        Assert.Same(record, again.Record);
    }

    [Fact]
    public void Apply_ForbiddenMove_IsRefusedWithTheReason()
    {
        var routed = LedgerRecord.Create(Move("received", LedgerState.Received, 0)).Record
            .Apply(Move("validated", LedgerState.Validated, 1)).Record
            .Apply(Move("routed", LedgerState.Routed, 2, Routed)).Record;

        var result = routed.Apply(Move("awaiting-review", LedgerState.AwaitingReview, 3));

        Assert.Equal(LedgerApplyOutcome.Refused, result.Outcome);
        Assert.Same(routed, result.Record);
        Assert.Contains("is Routed; it cannot move to AwaitingReview", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WithoutSubjectOrNotReceived_Throws()
    {
        Assert.Throws<ArgumentException>(() => LedgerRecord.Create(Move("validated", LedgerState.Validated, 0)));
        Assert.Throws<ArgumentException>(() => LedgerRecord.Create(Move("received", LedgerState.Received, 0) with { Subject = null }));
    }

    [Fact]
    public void Apply_TransitionForAnotherRecord_Throws()
    {
        var record = LedgerRecord.Create(Move("received", LedgerState.Received, 0)).Record;

        Assert.Throws<ArgumentException>(() => record.Apply(Move("validated", LedgerState.Validated, 1) with { RecordId = "other" }));
    }

    [Fact]
    public void Record_RoundTripsThroughContractJson()
    {
        var record = LedgerRecord.Create(Move("received", LedgerState.Received, 0)).Record
            .Apply(Move("validated", LedgerState.Validated, 1)).Record
            .Apply(Move("routed", LedgerState.Routed, 2, Routed)).Record;

        var json = Cee.Routing.Messages.ContractJson.Serialize(record);
        var back = Cee.Routing.Messages.ContractJson.Deserialize<LedgerRecord>(json);

        Assert.Contains("\"state\":\"Routed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"basis\":\"importer-account\"", json, StringComparison.Ordinal);
        Assert.Equal(record.State, back.State);
        Assert.Equal(record.History, back.History);
        Assert.Equal(record.Subject.Document, back.Subject.Document);
        Assert.Equal(record.Decision!.Reasons, back.Decision!.Reasons);
    }
}
