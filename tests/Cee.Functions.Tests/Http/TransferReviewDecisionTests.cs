using Cee.Functions.Harness.ServiceBus;
using Cee.Functions.Http;
using Cee.Functions.Identity;
using Cee.Functions.Messaging;
using Cee.Functions.Tests.Support;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Cee.Functions.Tests.Http;

/// <summary>
/// <c>POST reviews/{documentId}</c> for a document its Centers transferred too often: no
/// orchestration waits for it, so the endpoint carries the decision out through the core's
/// <see cref="CenterActions.DecideAsync"/> and never touches Durable.
/// </summary>
public class TransferReviewDecisionTests
{
    private const string Document = RoutedLedger.DocumentId;

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 15, 0, TimeSpan.Zero);

    private static readonly TransferOptions OneTransfer = new() { MaxTransfers = 1 };

    private readonly RoutedLedger _ledger = new();

    private readonly RecordingServiceBusSenders _senders = new();

    private readonly Mock<DurableTaskClient> _durable = new(MockBehavior.Strict, "test");

    [Fact]
    public async Task SubmitReview_DocumentTransferredTooOften_Is200WithTheRecordAndPublishesOnTheChosenCenter()
    {
        await SentToReviewAsync();

        var result = await DecideAsync("""{ "center": "CEE004", "note": "gear boxes, HTSUS 8483.40.5010" }""");

        var record = Assert.IsType<LedgerRecord>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal((LedgerState.Transferred, "CEE004"), (record.State, record.Center));
        Assert.Equal(new LedgerActor(Principals.ObjectId, Principals.Name), record.History[^1].By);
        Assert.Equal("decided-2", record.History[^1].Step);
        var message = Assert.Single(_senders.Published, m => m.MessageId == CenterMessages.TransferMessageId(Document, 2));
        Assert.Equal(("cee004", RoutedLedger.Entry), (message.Topic, message.Message.SessionId));
    }

    [Fact]
    public async Task SubmitReview_AlreadyDecidedForAnotherCenter_Is409AndPublishesNothingMore()
    {
        await SentToReviewAsync();
        await DecideAsync("""{ "center": "CEE004" }""");
        var published = _senders.Published.Count;

        var second = await DecideAsync("""{ "center": "CEE010" }""");

        Assert.Contains("no longer awaiting review", Requests.Problem(second, 409, "The document is not awaiting review").Detail, StringComparison.Ordinal);
        Assert.Equal(published, _senders.Published.Count);
        Assert.Equal("CEE004", _ledger[Document].Center);
    }

    [Fact]
    public async Task SubmitReview_RoutedDocumentIdNeverSentToReview_FallsThroughToTheOrchestrationPath()
    {
        _durable.Setup(c => c.GetInstanceAsync(Document, false, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

        var result = await DecideAsync("""{ "center": "CEE004" }""");

        Requests.Problem(result, 404, "No such drop");
        Assert.Equal(LedgerState.Routed, _ledger[Document].State);
    }

    // Routed to CEE007; CEE007 transfers it to CEE005; CEE005 asks for CEE007 again: past one transfer, a person decides.
    private async Task SentToReviewAsync()
    {
        var centers = new CenterDocumentsApi(new CenterRequests(Actions(OneTransfer), NullLogger<CenterRequests>.Instance), Principals.Access());
        await centers.TransferDocumentAsync(Requests.SignedIn($"/api/documents/{Document}/transfer", """{ "toCenter": "CEE005", "reason": "steel, not electronics" }""", AppRoles.ForCenter("CEE007")), Document, CancellationToken.None);
        var review = await centers.TransferDocumentAsync(Requests.SignedIn($"/api/documents/{Document}/transfer", """{ "toCenter": "CEE007", "reason": "printed circuit assemblies" }""", AppRoles.ForCenter("CEE005")), Document, CancellationToken.None);
        Assert.IsType<AcceptedResult>(review);
        Assert.Equal(LedgerState.AwaitingReview, _ledger[Document].State);
    }

    private Task<IActionResult> DecideAsync(string body)
    {
        var time = new FixedTimeProvider(Now);
        var submission = new ReviewSubmission(_ledger, new TransferReviewDecisions(_ledger, Actions(new TransferOptions()), NullLogger<TransferReviewDecisions>.Instance), time, NullLogger<ReviewSubmission>.Instance);
        var api = new ReviewsApi(submission, Principals.Access());
        return api.SubmitReviewAsync(Requests.SignedIn($"/api/reviews/{Document}", body, AppRoles.Reviewer), Document, _durable.Object, CancellationToken.None);
    }

    private CenterActions Actions(TransferOptions options) =>
        new(_ledger, new ServiceBusTopicPublisher(_senders), new Cee.Functions.Hosting.TimeProviderClock(new FixedTimeProvider(Now)), options);
}
