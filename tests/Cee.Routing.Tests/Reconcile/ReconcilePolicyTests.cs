using Cee.Routing.Reconcile;

namespace Cee.Routing.Tests.Reconcile;

public class ReconcilePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);
    private static readonly ReconcilerOptions Options = new();

    private static DropSituation Failed(TimeSpan ago, int redrives = 0) =>
        new(Live: false, HasInstance: true, HasRecords: true, Settled: true, AnyFailed: true, Now - ago, redrives);

    [Fact]
    public void Decide_LiveRun_DoesNothingWhateverTheRecords()
    {
        var decision = ReconcilePolicy.Decide(Failed(TimeSpan.FromDays(1)) with { Live = true }, Now, Options);

        Assert.Equal(ReconcileAction.Nothing, decision.Action);
    }

    [Fact]
    public void Decide_SettledWithoutFailure_DoesNothing()
    {
        var settled = new DropSituation(false, true, true, Settled: true, AnyFailed: false, Now - TimeSpan.FromDays(1), 0);

        Assert.Equal(ReconcileAction.Nothing, ReconcilePolicy.Decide(settled, Now, Options).Action);
    }

    [Fact]
    public void Decide_FailedInsideTheGracePeriod_Waits()
    {
        var decision = ReconcilePolicy.Decide(Failed(TimeSpan.FromMinutes(3)), Now, Options);

        Assert.Equal((ReconcileAction.Wait, Now + TimeSpan.FromMinutes(12)), (decision.Action, decision.NotBefore));
    }

    [Fact]
    public void Decide_FailedPastGraceAndBackoff_RedrivesWithTheNextNumber()
    {
        var decision = ReconcilePolicy.Decide(Failed(TimeSpan.FromMinutes(50), redrives: 2), Now, Options);

        // 10 min doubled twice = 40 min after the last change.
        Assert.Equal((ReconcileAction.Redrive, 3), (decision.Action, decision.Redrive));
    }

    [Fact]
    public void Decide_FailedInsideTheBackoff_WaitsUntilItEnds()
    {
        var decision = ReconcilePolicy.Decide(Failed(TimeSpan.FromMinutes(30), redrives: 2), Now, Options);

        Assert.Equal((ReconcileAction.Wait, Now + TimeSpan.FromMinutes(10)), (decision.Action, decision.NotBefore));
    }

    [Fact]
    public void Decide_RedrivenAsOftenAsAllowed_GivesUp()
    {
        var decision = ReconcilePolicy.Decide(Failed(TimeSpan.FromDays(1), redrives: Options.MaxRedrives), Now, Options);

        Assert.Equal(ReconcileAction.GiveUp, decision.Action);
    }

    [Fact]
    public void Decide_StaleValidatedRecords_Redrive()
    {
        var stale = new DropSituation(false, true, true, Settled: false, AnyFailed: false, Now - TimeSpan.FromHours(1), 0);

        var decision = ReconcilePolicy.Decide(stale, Now, Options);

        Assert.Equal((ReconcileAction.Redrive, 1), (decision.Action, decision.Redrive));
    }

    [Fact]
    public void Decide_BlobWithNoRecordAndNoInstancePastGrace_StartsIt()
    {
        var missed = new DropSituation(false, HasInstance: false, HasRecords: false, Settled: false, AnyFailed: false, Now - TimeSpan.FromMinutes(20), 0);

        Assert.Equal(ReconcileAction.Start, ReconcilePolicy.Decide(missed, Now, Options).Action);
    }

    [Fact]
    public void Decide_BlobWithNoRecordUploadedAMinuteAgo_Waits()
    {
        var fresh = new DropSituation(false, false, false, false, false, Now - TimeSpan.FromMinutes(1), 0);

        Assert.Equal(ReconcileAction.Wait, ReconcilePolicy.Decide(fresh, Now, Options).Action);
    }

    [Fact]
    public void Backoff_DoublesAndIsCapped()
    {
        Assert.Equal(
            [10, 20, 40, 80, 120, 120],
            Enumerable.Range(0, 6).Select(n => ReconcilePolicy.Backoff(n, Options).TotalMinutes));
    }

    [Fact]
    public void Backoff_DefaultRedrivesAllStartWithinTheOneDayDuplicateWindow()
    {
        // ADR 15: a publish intent younger than the window is re-sent safely; the defaults keep every
        // re-drive inside it (grace + the backoffs).
        var total = Options.GracePeriod + Enumerable.Range(0, Options.MaxRedrives).Select(n => ReconcilePolicy.Backoff(n, Options)).Aggregate(TimeSpan.Zero, (a, b) => a + b);

        Assert.True(total < TimeSpan.FromDays(1), $"{total}");
    }

    [Theory]
    [InlineData(true, 8, true)]
    [InlineData(true, 6, false)]
    [InlineData(false, 30, false)]
    public void ShouldPurge_EndedAndOlderThanRetention(bool ended, int daysAgo, bool expected)
    {
        Assert.Equal(expected, ReconcilePolicy.ShouldPurge(ended, Now - TimeSpan.FromDays(daysAgo), Now, Options));
    }

    [Fact]
    public void Validate_BackoffLongerThanItsCap_NamesTheSetting()
    {
        var problems = (Options with { FirstBackoff = TimeSpan.FromHours(3) }).Validate();

        Assert.Contains(problems, p => p.StartsWith("Reconciler__FirstBackoff", StringComparison.Ordinal));
    }
}
