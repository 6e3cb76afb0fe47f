using Cee.Functions.Orchestration;
using Cee.Functions.Tests.Support;
using Cee.Routing.Accounts;
using Cee.Routing.Drops;
using Cee.Routing.Htsus;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Review;
using Moq;

namespace Cee.Functions.Tests.Orchestration;

public class DurableRoutingPortsTests
{
    private static readonly DropReference Drop = Durable.Drop();

    [Fact]
    public void Retry_IsOneDeclarativePolicyWithBackoff()
    {
        var policy = DurableRoutingPorts.Retry.Retry?.Policy;

        Assert.NotNull(policy);
        Assert.Equal(6, policy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), policy.FirstRetryInterval);
        Assert.Equal(2.0, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromMinutes(2), policy.MaxRetryInterval);
        Assert.Equal(TimeSpan.FromMinutes(30), policy.RetryTimeout);
    }

    [Fact]
    public async Task Drops_OpenAndQuarantine_CallTheirActivitiesWithRetry()
    {
        var context = Orchestrations.Context();
        var intake = new IntakeResult(Drop.DropId, Drop.Source, DropKind.Document, "sha", IntakeVerdict.Reject, [], null, null, [], [], null, [], []);
        var calls = context.RecordActivities<IntakeResult>((_, _) => intake);
        context.RecordActivities<string>((_, _) => Drop.DropId, calls);
        var ports = DurableRoutingPorts.Create(context.Object);
        var reasons = new[] { new Finding("file.unreadable", FindingSeverity.Error, "not a PDF") };

        Assert.Same(intake, await ports.Drops.OpenAsync(Drop, CancellationToken.None));
        await ports.Drops.QuarantineAsync(Drop, reasons, CancellationToken.None);

        Assert.Equal([ActivityNames.OpenAndStoreDrop, ActivityNames.QuarantineDrop], calls.Select(c => c.Name));
        Assert.Same(Drop, calls[0].Input);
        Assert.Equal(new QuarantineRequest(Drop, reasons), calls[1].Input);
        Assert.All(calls, c => Assert.Same(DurableRoutingPorts.Retry, c.Options));
    }

    [Fact]
    public async Task Facts_AccountRequestAndClassification_CallTheirActivitiesWithRetry()
    {
        var context = Orchestrations.Context();
        var importer = new ImporterRef("12-345678900", "12345678900", "ein");
        var account = new ImporterAccount("12345678900", "12-345678900", AccountStatus.Assigned, "CEE005", []);
        var lines = new[] { new CommodityLine("8471300100", 1) };
        var verdict = HtsLinesVerdict.Classify(HtsRuleTable.Embedded, lines);
        var calls = context.RecordActivities<ImporterAccount>((_, _) => account);
        context.RecordActivities<string?>((_, _) => "CEE007", calls);
        context.RecordActivities<HtsLinesVerdict>((_, _) => verdict, calls);
        var ports = DurableRoutingPorts.Create(context.Object);

        Assert.Same(account, await ports.Accounts.FindAsync(importer, CancellationToken.None));
        Assert.Equal("CEE007", await ports.Requests.FindIssuingCenterAsync("0123456789", CancellationToken.None));
        Assert.Same(verdict, await ports.Classifier.ClassifyAsync(lines, CancellationToken.None));

        Assert.Equal([ActivityNames.FindImporterAccount, ActivityNames.FindRequestIssuer, ActivityNames.ClassifyLines], calls.Select(c => c.Name));
        Assert.Same(importer, calls[0].Input);
        Assert.Equal(new RequestIssuerQuery("0123456789"), calls[1].Input);
        Assert.Equal(lines, Assert.IsType<ClassifyLinesRequest>(calls[2].Input).Lines);
        Assert.All(calls, c => Assert.Same(DurableRoutingPorts.Retry, c.Options));
    }

    [Fact]
    public async Task PublisherAndLedger_CallTheirActivitiesWithRetry()
    {
        var context = Orchestrations.Context();
        var message = new TopicMessage("cee005", new MessageProperties("m1", "s1", "c1", "entry-summary", "application/json", new Dictionary<string, string>()), "{}");
        var transition = new LedgerTransition("r1", "received", LedgerState.Received, DateTimeOffset.UnixEpoch, "received", Drop.DropId);
        var record = Ledgers.Record("r1", LedgerState.Received);
        var calls = context.RecordActivities<string>((_, _) => "m1");
        context.RecordActivities<LedgerRecord?>((_, _) => record, calls);
        context.RecordActivities<LedgerRecord>((_, _) => record, calls);
        var ports = DurableRoutingPorts.Create(context.Object);

        await ports.Publisher.PublishAsync(message, CancellationToken.None);
        Assert.Same(record, await ports.Ledger.GetAsync("r1", CancellationToken.None));
        Assert.Same(record, await ports.Ledger.RecordAsync(transition, CancellationToken.None));

        Assert.Equal(
            [ActivityNames.PublishMessage, ActivityNames.GetLedgerRecord, ActivityNames.RecordTransition],
            calls.Select(c => c.Name));
        Assert.Same(message, calls[0].Input);
        Assert.Equal(new LedgerRecordQuery("r1"), calls[1].Input);
        Assert.Same(transition, calls[2].Input);
        Assert.All(calls, c => Assert.Same(DurableRoutingPorts.Retry, c.Options));
    }

    [Fact]
    public async Task ClaimContent_CallsItsActivityWithRetryAndReturnsTheHeldClaim()
    {
        var context = Orchestrations.Context();
        var mine = new ContentClaim("sha", Drop.DropId, Drop.Source, Drop.DropId + "-001", DateTimeOffset.UnixEpoch);
        var held = mine with { DropId = "d-first", RecordId = "d-first-001" };
        var calls = context.RecordActivities<ContentClaim>((_, _) => held);
        var ports = DurableRoutingPorts.Create(context.Object);

        var result = await ports.Ledger.ClaimContentAsync(mine, CancellationToken.None);

        Assert.Same(held, result);
        var call = Assert.Single(calls);
        Assert.Equal(ActivityNames.ClaimContent, call.Name);
        Assert.Same(mine, call.Input);
        Assert.Same(DurableRoutingPorts.Retry, call.Options);
    }

    [Fact]
    public void Clock_IsTheOrchestrationTimeInUtc()
    {
        var ports = DurableRoutingPorts.Create(Orchestrations.Context().Object);

        Assert.Equal(new DateTimeOffset(Orchestrations.Now, TimeSpan.Zero), ports.Clock.UtcNow);
        Assert.Equal(TimeSpan.Zero, ports.Clock.UtcNow.Offset);
    }

    [Fact]
    public async Task WaitForDecision_DecisionBeforeTheDeadline_ReturnsItAndCancelsTheTimer()
    {
        var context = Orchestrations.Context();
        var decision = new ReviewDecision(Drop.DropId, "CEE007", "officer-42", "laptops", DateTimeOffset.UnixEpoch);
        var deadline = new DateTimeOffset(Orchestrations.Now.AddDays(2), TimeSpan.Zero);
        CancellationToken timerToken = default;
        DateTime firesAt = default;
        context.Setup(c => c.WaitForExternalEvent<ReviewDecision?>(DurableRoutingPorts.ReviewDecisionEvent, It.IsAny<CancellationToken>()))
            .ReturnsAsync(decision);
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback<DateTime, CancellationToken>((at, token) => (firesAt, timerToken) = (at, token))
            .Returns(new TaskCompletionSource().Task);

        var result = await DurableRoutingPorts.Create(context.Object).Review.WaitForDecisionAsync(Drop.DropId, deadline, CancellationToken.None);

        Assert.Equal(ReviewWaitOutcome.Decided, result.Outcome);
        Assert.Same(decision, result.Decision);
        Assert.Equal(deadline.UtcDateTime, firesAt);
        Assert.True(timerToken.IsCancellationRequested, "the losing timer must be cancelled");
    }

    [Fact]
    public async Task WaitForDecision_DeadlineFirst_ReportsItAndCancelsTheEventWait()
    {
        var context = Orchestrations.Context();
        CancellationToken eventToken = default;
        context.Setup(c => c.WaitForExternalEvent<ReviewDecision?>(DurableRoutingPorts.ReviewDecisionEvent, It.IsAny<CancellationToken>()))
            .Callback<string, CancellationToken>((_, token) => eventToken = token)
            .Returns(new TaskCompletionSource<ReviewDecision?>().Task);
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var result = await DurableRoutingPorts.Create(context.Object).Review.WaitForDecisionAsync(
            Drop.DropId, new DateTimeOffset(Orchestrations.Now.AddDays(2), TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(ReviewWaitOutcome.DeadlinePassed, result.Outcome);
        Assert.Null(result.Decision);
        Assert.True(eventToken.IsCancellationRequested, "an abandoned event wait would swallow the next decision");
    }

    [Fact]
    public async Task WaitForDecision_NoDeadline_WaitsForTheEventAloneWithoutATimer()
    {
        var context = Orchestrations.Context();
        var decision = new ReviewDecision(Drop.DropId, "CEE001", "officer-7", null, DateTimeOffset.UnixEpoch);
        context.Setup(c => c.WaitForExternalEvent<ReviewDecision?>(DurableRoutingPorts.ReviewDecisionEvent, It.IsAny<CancellationToken>()))
            .ReturnsAsync(decision);

        var result = await DurableRoutingPorts.Create(context.Object).Review.WaitForDecisionAsync(Drop.DropId, null, CancellationToken.None);

        Assert.Same(decision, result.Decision);
        context.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task WaitForDecision_EventWithoutPayload_IsADecidedWaitWithNoDecision()
    {
        var context = Orchestrations.Context();
        context.Setup(c => c.WaitForExternalEvent<ReviewDecision?>(DurableRoutingPorts.ReviewDecisionEvent, It.IsAny<CancellationToken>()))
            .ReturnsAsync((ReviewDecision?)null);

        var result = await DurableRoutingPorts.Create(context.Object).Review.WaitForDecisionAsync(Drop.DropId, null, CancellationToken.None);

        Assert.Equal(ReviewWaitOutcome.Decided, result.Outcome);
        Assert.Null(result.Decision);
    }
}
