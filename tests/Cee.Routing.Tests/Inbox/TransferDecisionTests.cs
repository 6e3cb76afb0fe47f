using Cee.Routing.Accounts;
using Cee.Routing.Drops;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Cee.Routing.Policy;
using Cee.Routing.Review;
using Cee.Routing.Tests.Support;
using Cee.Routing.Workflow;
using TestDrops = Cee.Routing.Tests.Support.Drops;

namespace Cee.Routing.Tests.Inbox;

public class TransferDecisionTests
{
    private static readonly DropReference Drop = TestDrops.Reference();

    private static readonly string Document = DropIds.DocumentId(Drop.DropId, 1);

    private static readonly CenterCaller Electronics = CenterCaller.For("CEE007", new("3f6c2a91-7d4e-4b8a-9c1f-5e2d8a0b7c36", "cee007-inbox"));

    private static readonly CenterCaller BaseMetals = CenterCaller.For("CEE005", new("8b1d4e7a-2c5f-4a93-b6e0-1f9c3d5a7e28", "cee005-inbox"));

    private static readonly LedgerActor Reviewer = new("5a0e8c3f-91b2-4d6e-a7f4-2c8b1e9d3a60", "Dana Whitfield");

    [Fact]
    public async Task DecideAsync_TransferredTooOften_RecordsReviewerAndPublishesOnTheChosenCenterInTheSameSession()
    {
        var (harness, actions) = await SentToReviewAsync();

        var result = await actions.DecideAsync(Document, "CEE004", Reviewer, "machinery parts: HTSUS 8483.40.5010", CancellationToken.None);

        Assert.Equal((CenterActionOutcome.Decided, false), (result.Outcome, result.Repeated));
        var record = harness.Ledger.Records[Document];
        Assert.Equal((LedgerState.Transferred, "CEE004"), (record.State, record.Center));
        var step = record.History[^1];
        Assert.Equal("decided-3", step.Step);
        Assert.Equal(Reviewer, step.By);
        Assert.Contains("Dana Whitfield", step.Reason, StringComparison.Ordinal);
        Assert.Contains("CEE004's after 2 transfer(s) between CEE007, CEE005", step.Reason, StringComparison.Ordinal);
        Assert.Equal((RoutingBasis.Reviewer, "Dana Whitfield", Reviewer.Id), (record.Decision!.Basis, record.Decision.Reviewer, record.Decision.ReviewerId));
        var message = Assert.Single(harness.PublishedOn("cee004"));
        Assert.Equal($"{Document}-transfer-3", message.Properties.MessageId);
        Assert.Equal(TestDrops.Entry, message.Properties.SessionId);
    }

    [Fact]
    public async Task DecideAsync_CrashBetweenRecordAndPublish_RetryPublishesOnceUnderTheSameMessageId()
    {
        var (harness, actions) = await SentToReviewAsync();
        harness.PublishFailures = 1;

        await Assert.ThrowsAsync<IOException>(() => actions.DecideAsync(Document, "CEE004", Reviewer, null, CancellationToken.None));
        Assert.Equal(LedgerState.Transferred, harness.Ledger.Records[Document].State);
        Assert.Empty(harness.PublishedOn("cee004"));

        var retry = await actions.DecideAsync(Document, "CEE004", Reviewer, null, CancellationToken.None);

        Assert.Equal((CenterActionOutcome.Decided, true), (retry.Outcome, retry.Repeated));
        var record = harness.Ledger.Records[Document];
        Assert.Single(record.History, h => h.Step.StartsWith(TransferReviews.DecidedStepPrefix, StringComparison.Ordinal));
        var message = Assert.Single(harness.PublishedOn("cee004"));
        Assert.Equal($"{Document}-transfer-3", message.Properties.MessageId);
    }

    [Fact]
    public async Task DecideAsync_AlreadyDecidedForAnotherCenter_IsConflictAndWritesNothing()
    {
        var (harness, actions) = await SentToReviewAsync();
        await actions.DecideAsync(Document, "CEE004", Reviewer, null, CancellationToken.None);
        var offered = harness.Ledger.Offered.Count;

        var second = await actions.DecideAsync(Document, "CEE010", new LedgerActor("0c7d2b9e-4f1a-4e3c-8d6b-7a5f9e2c1b04", "Luis Ortega"), null, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.Conflict, second.Outcome);
        Assert.Contains("no longer awaiting review", second.Problem, StringComparison.Ordinal);
        Assert.Contains("Dana Whitfield", second.Problem, StringComparison.Ordinal);
        Assert.Equal(offered, harness.Ledger.Offered.Count);
        Assert.Equal("CEE004", harness.Ledger.Records[Document].Center);
        Assert.Empty(harness.PublishedOn("cee010"));
    }

    [Fact]
    public async Task DecideAsync_SameDecisionAfterTheNewCenterAcknowledged_IsConflict()
    {
        var (harness, actions) = await SentToReviewAsync();
        await actions.DecideAsync(Document, "CEE004", Reviewer, null, CancellationToken.None);
        var receipt = await actions.AcknowledgeAsync(Document, CenterCaller.For("CEE004", new("6e2f9a1c-3b7d-4c8e-9f0a-1d5b7c3e8a42", "cee004-inbox")), CancellationToken.None);

        var again = await actions.DecideAsync(Document, "CEE004", Reviewer, null, CancellationToken.None);

        Assert.Equal(("delivered-4", CenterActionOutcome.Conflict), (receipt.Record!.History[^1].Step, again.Outcome));
        Assert.Single(harness.PublishedOn("cee004"));
    }

    [Fact]
    public async Task DecideAsync_RoutedDocumentNeverSentToReview_IsNotFoundAndWritesNothing()
    {
        var harness = await RoutedAsync();
        var offered = harness.Ledger.Offered.Count;

        var result = await Actions(harness).DecideAsync(Document, "CEE004", Reviewer, null, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.NotFound, result.Outcome);
        Assert.Equal(offered, harness.Ledger.Offered.Count);
        Assert.Equal(LedgerState.Routed, harness.Ledger.Records[Document].State);
    }

    [Fact]
    public async Task DecideAsync_UnknownCenter_IsInvalid()
    {
        var (_, actions) = await SentToReviewAsync();

        var result = await actions.DecideAsync(Document, "CEE011", Reviewer, null, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.Invalid, result.Outcome);
    }

    [Fact]
    public async Task CentersOf_PendingReview_ListsEachCenterOnceInOrder()
    {
        var (harness, _) = await SentToReviewAsync();

        var record = harness.Ledger.Records[Document];

        Assert.True(TransferReviews.IsPending(record));
        Assert.Equal(["CEE007", "CEE005"], TransferReviews.CentersOf(record));
    }

    [Fact]
    public async Task ReviewWorklistBuild_TransferredTooOften_ListsTheDocumentWithItsReasonAndTheCentersItWentThroughFirst()
    {
        var (harness, _) = await SentToReviewAsync();

        var items = ReviewWorklist.Build(harness.Ledger.Records.Values, new RoutingWorkflowOptions());

        var item = Assert.Single(items);
        Assert.Equal((Document, ReviewItem.TransferLimitKind, (DateTimeOffset?)null), (item.ReviewId, item.Kind, item.Deadline));
        Assert.StartsWith("Transferred 2 time(s) between CEE007, CEE005; CEE007 asked to transfer it to CEE005", item.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(["CEE007", "CEE005"], item.Candidates.Take(2).Select(c => c.Center));
        Assert.Equal(10, item.Candidates.Count);
        Assert.Equal(Document, Assert.Single(item.Documents).DocumentId);
    }

    [Fact]
    public async Task ReviewWorklistBuild_AfterTheDecision_ListsNothing()
    {
        var (harness, actions) = await SentToReviewAsync();
        await actions.DecideAsync(Document, "CEE004", Reviewer, null, CancellationToken.None);

        Assert.Empty(ReviewWorklist.Build(harness.Ledger.Records.Values, new RoutingWorkflowOptions()));
    }

    private static CenterActions Actions(WorkflowHarness harness) =>
        new(harness.Ledger, harness.Publisher.Object, harness.Clock, new TransferOptions { MaxTransfers = 2 });

    // CEE007 → CEE005 → CEE007, then CEE007 asks for CEE005 again: past MaxTransfers = 2, a person decides.
    private static async Task<(WorkflowHarness Harness, CenterActions Actions)> SentToReviewAsync()
    {
        var harness = await RoutedAsync();
        var actions = Actions(harness);
        await actions.TransferAsync(Document, "CEE005", "steel, not electronics", Electronics, CancellationToken.None);
        await actions.TransferAsync(Document, "CEE007", "printed circuit assemblies, not steel", BaseMetals, CancellationToken.None);
        var review = await actions.TransferAsync(Document, "CEE005", "still not ours", Electronics, CancellationToken.None);
        Assert.Equal(CenterActionOutcome.SentToReview, review.Outcome);
        return (harness, actions);
    }

    private static async Task<WorkflowHarness> RoutedAsync()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop)).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");
        await harness.RunAsync(Drop);
        return harness;
    }
}
