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
    [InlineData(LedgerState.Routed, LedgerState.AwaitingReview, false)]
    [InlineData(LedgerState.Rejected, LedgerState.Validated, false)]
    [InlineData(LedgerState.Duplicate, LedgerState.Routed, false)]
    public void CanMove_StateMachine_AllowsOnlyForwardMoves(LedgerState? from, LedgerState to, bool allowed)
    {
        Assert.Equal(allowed, LedgerStates.CanMove(from, to));
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
