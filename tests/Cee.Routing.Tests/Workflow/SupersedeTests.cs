using System.Text.Json;
using Cee.Routing.Accounts;
using Cee.Routing.Drops;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Review;
using Cee.Routing.Tests.Support;
using Cee.Routing.Workflow;
using Moq;
using TestDrops = Cee.Routing.Tests.Support.Drops;

namespace Cee.Routing.Tests.Workflow;

/// <summary>A later run of the same source supersedes an earlier unrouted run (issue 18 section 6).</summary>
public class SupersedeTests
{
    private static readonly DropReference Earlier = DropReference.For("port-drops/2704/entry-0026110316.xml", "\"0x8DE2A0B1C2D3E4F\"");
    // The late manifest is part of the drop: another SHA-256, so the content claim is the later run's own.
    private const string LaterSha = "4e7a1c9f0b2d5e8a3c6f9b1d4e7a0c3f6b9d2e5a8c1f4b7d0e3a6c9f2b5d8e1a";
    private static readonly DropReference Later = DropReference.For("port-drops/2704/entry-0026110316.xml", "\"0x8DE2A0B1C2D3E4F\"+manifest:\"0x8DE2A0B1C2D9999\"");

    [Fact]
    public async Task RunAsync_EarlierRunAwaitingReview_IsSupersededWithdrawnAndTheLaterRunRoutesOnce()
    {
        var harness = new WorkflowHarness()
            .WithDrop(TestDrops.Package(Earlier, lines: TestDrops.TiedLines))
            .WithDrop(TestDrops.Package(Later, lines: TestDrops.TiedLines, contentSha256: LaterSha));
        harness.Review.Setup(r => r.WaitForDecisionAsync(Earlier.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ReviewWaitResult(ReviewWaitOutcome.NoReviewer, null));
        await harness.RunAsync(Earlier);
        Assert.All(harness.Ledger.Records.Values, r => Assert.Equal(LedgerState.AwaitingReview, r.State));
        harness.WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");

        var outcome = await harness.Build().RunAsync(Later, 0, [Earlier.DropId]);

        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.Routed, d.State));
        var earlier = harness.Ledger.Records.Values.Where(r => r.Subject.DropId == Earlier.DropId).ToList();
        Assert.Equal(2, earlier.Count);
        Assert.All(earlier, r =>
        {
            Assert.Equal(LedgerState.Superseded, r.State);
            Assert.Contains(Later.DropId, r.History[^1].Reason, StringComparison.Ordinal);
        });
        var withdrawn = Assert.Single(harness.Published, m => m.Properties.Subject == "review-superseded");
        Assert.Equal($"superseded-{Earlier.DropId}", withdrawn.Properties.MessageId);
        Assert.Equal(Later.DropId, JsonSerializer.Deserialize<ReviewSupersededMessage>(withdrawn.Body, ContractJson.Options)!.SupersededBy);
        Assert.Equal(2, harness.PublishedOn("cee007").Count);
    }

    [Fact]
    public async Task RunAsync_EarlierRunAlreadyRouted_IsLeftAsItWas()
    {
        var harness = new WorkflowHarness()
            .WithDrop(TestDrops.Package(Earlier, lines: TestDrops.TiedLines))
            .WithDrop(TestDrops.Package(Later, lines: TestDrops.TiedLines, contentSha256: LaterSha))
            .WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");
        await harness.RunAsync(Earlier);

        await harness.Build().RunAsync(Later, 0, [Earlier.DropId]);

        Assert.All(harness.Ledger.Records.Values.Where(r => r.Subject.DropId == Earlier.DropId), r => Assert.Equal(LedgerState.Routed, r.State));
        Assert.DoesNotContain(harness.Published, m => m.Properties.Subject == "review-superseded");
    }

    [Fact]
    public async Task RunAsync_SupersededWhileWaiting_TheDeadlineEndsTheEarlierRunWithoutEscalatingOrRouting()
    {
        var harness = new WorkflowHarness()
            .WithDrop(TestDrops.Package(Earlier, lines: TestDrops.TiedLines))
            .WithDrop(TestDrops.Package(Later, lines: TestDrops.TiedLines, contentSha256: LaterSha));
        harness.Options = harness.Options with { ReviewFallback = ReviewFallback.BestHtsGuess };
        var later = harness.Build();
        // While the earlier run waits, the later run supersedes it; then the earlier run's deadline passes.
        harness.Review.Setup(r => r.WaitForDecisionAsync(Earlier.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                harness.Review.Setup(r => r.WaitForDecisionAsync(Later.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
                    .ReturnsAsync(new ReviewWaitResult(ReviewWaitOutcome.NoReviewer, null));
                await later.RunAsync(Later, 0, [Earlier.DropId]);
                return new ReviewWaitResult(ReviewWaitOutcome.DeadlinePassed, null);
            });

        var outcome = await harness.RunAsync(Earlier);

        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.Superseded, d.State));
        Assert.DoesNotContain(harness.Published, m => m.Properties.Subject == "review-escalation");
        Assert.DoesNotContain(harness.Published, m => m.Topic.StartsWith("cee0", StringComparison.Ordinal) && m.Properties.CorrelationId == Earlier.DropId);
    }

    [Fact]
    public void EarlierUnrouted_OnlyOpenRunsThatBeganBefore()
    {
        var at = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
        LedgerRecord Record(string dropId, LedgerState state, DateTimeOffset began) =>
            new($"{dropId}-001", 1, new LedgerSubject(dropId, Earlier.Source, "sha", Cee.Routing.Intake.DropKind.Document, null, "2704", null, [], null, null),
                state, null, null, null, null, [new LedgerHistoryEntry("received", LedgerState.Received, began, "received", dropId)], began);

        var found = DropRecords.EarlierUnrouted(
            [Record("d1", LedgerState.AwaitingReview, at), Record("d2", LedgerState.Rejected, at), Record("d3", LedgerState.Failed, at),
             Record("d4", LedgerState.Validated, at.AddHours(2)), Record("d9", LedgerState.Validated, at.AddHours(1))],
            "d9");

        Assert.Equal(["d1", "d3"], found);
    }
}
