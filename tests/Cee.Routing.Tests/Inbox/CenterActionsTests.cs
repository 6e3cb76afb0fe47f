using System.Text.Json;
using Cee.Routing.Accounts;
using Cee.Routing.Drops;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Tests.Support;
using Moq;
using TestDrops = Cee.Routing.Tests.Support.Drops;

namespace Cee.Routing.Tests.Inbox;

public class CenterActionsTests
{
    private static readonly DropReference Drop = TestDrops.Reference();

    private static readonly string Document = DropIds.DocumentId(Drop.DropId, 1);

    private static readonly LedgerActor ElectronicsInbox = new("3f6c2a91-7d4e-4b8a-9c1f-5e2d8a0b7c36", "cee007-inbox");

    private static readonly LedgerActor BaseMetalsInbox = new("8b1d4e7a-2c5f-4a93-b6e0-1f9c3d5a7e28", "cee005-inbox");

    private static readonly CenterCaller Electronics = CenterCaller.For("CEE007", ElectronicsInbox);

    private static readonly CenterCaller BaseMetals = CenterCaller.For("CEE005", BaseMetalsInbox);

    [Fact]
    public async Task AcknowledgeAsync_RoutedToTheCaller_RecordsDeliveredWithCenterPrincipalAndTime()
    {
        var harness = await RoutedAsync();

        var result = await Actions(harness).AcknowledgeAsync(Document, Electronics, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.Delivered, result.Outcome);
        var record = harness.Ledger.Records[Document];
        Assert.Equal(LedgerState.Delivered, record.State);
        Assert.Equal("CEE007", record.Center);
        var step = record.History[^1];
        Assert.Equal("delivered-1", step.Step);
        Assert.Equal(ElectronicsInbox, step.By);
        Assert.Equal(harness.Clock.Reads[^1], step.At);
        Assert.Contains("CEE007 acknowledged receipt", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcknowledgeAsync_Twice_SecondIsAlreadyDeliveredAndWritesNothing()
    {
        var harness = await RoutedAsync();
        var actions = Actions(harness);
        await actions.AcknowledgeAsync(Document, Electronics, CancellationToken.None);
        var offered = harness.Ledger.Offered.Count;

        var again = await actions.AcknowledgeAsync(Document, Electronics, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.AlreadyDelivered, again.Outcome);
        Assert.True(again.Succeeded);
        Assert.Equal(offered, harness.Ledger.Offered.Count);
    }

    [Fact]
    public async Task AcknowledgeAsync_AnotherCentersDocument_IsNotFoundAndWritesNothing()
    {
        var harness = await RoutedAsync();
        var offered = harness.Ledger.Offered.Count;

        var result = await Actions(harness).AcknowledgeAsync(Document, BaseMetals, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.NotFound, result.Outcome);
        Assert.Null(result.Record);
        Assert.Equal(offered, harness.Ledger.Offered.Count);
        Assert.Equal(LedgerState.Routed, harness.Ledger.Records[Document].State);
    }

    [Fact]
    public async Task AcknowledgeAsync_UnknownDocument_IsNotFound()
    {
        var harness = await RoutedAsync();

        var result = await Actions(harness).AcknowledgeAsync(DropIds.DocumentId(Drop.DropId, 9), Electronics, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task TransferAsync_FromTheHolder_RecordsTransferredAndPublishesOnTheNewTopicInTheSameSession()
    {
        var harness = await RoutedAsync();
        var routed = harness.PublishedOn("cee007").Single(m => m.Properties.MessageId == Document);

        var result = await Actions(harness).TransferAsync(Document, "CEE005", "Line 1 is hot-rolled steel coil (7208.51), not electronics", Electronics, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.Transferred, result.Outcome);
        var record = harness.Ledger.Records[Document];
        Assert.Equal(LedgerState.Transferred, record.State);
        Assert.Equal("CEE005", record.Center);
        Assert.Equal("cee005", record.Topic);
        var step = record.History[^1];
        Assert.Equal("transferred-1", step.Step);
        Assert.Equal(ElectronicsInbox, step.By);
        Assert.Contains("CEE007 transferred it to CEE005", step.Reason, StringComparison.Ordinal);
        Assert.Contains("hot-rolled steel coil", step.Reason, StringComparison.Ordinal);
        Assert.Contains("transferred-from:CEE007", record.Decision!.Flags);
        var message = Assert.Single(harness.PublishedOn("cee005"));
        Assert.Equal($"{Document}-transfer-1", message.Properties.MessageId);
        Assert.Equal(routed.Properties.SessionId, message.Properties.SessionId);
        Assert.Equal(TestDrops.Entry, message.Properties.SessionId);
        Assert.Equal("center-transfer", message.Properties.ApplicationProperties["basis"]);
        var body = ContractJson.Deserialize<RoutedDocumentMessage>(message.Body);
        Assert.Equal(("CEE005", Document), (body.Center, body.DocumentId));
        Assert.Equal(ElectronicsInbox.Id, body.Decision.ReviewerId);
    }

    [Fact]
    public async Task TransferAsync_SoleProprietorWithoutEntry_KeepsTheSessionOfTheSsnLookupKeyTheRecordCannotRebuild()
    {
        // No entry number: the session is the importer's keyed lookup key, which the record's masked
        // importer (***-**-1120) cannot give back; the routed step keeps it on the record.
        var harness = new WorkflowHarness()
            .WithDrop(TestDrops.Package(Drop, importers: [TestDrops.SoleProprietor], entries: []))
            .WithAccount(TestDrops.SoleProprietor, AccountStatus.Assigned, "CEE007");
        await harness.RunAsync(Drop);
        var routed = harness.PublishedOn("cee007").Single(m => m.Properties.MessageId == Document);

        await Actions(harness).TransferAsync(Document, "CEE005", "steel, not electronics", Electronics, CancellationToken.None);

        Assert.Equal(TestDrops.SoleProprietor.LookupKey, routed.Properties.SessionId);
        Assert.Equal(TestDrops.SoleProprietor.LookupKey, harness.Ledger.Records[Document].SessionId);
        Assert.Equal(routed.Properties.SessionId, Assert.Single(harness.PublishedOn("cee005")).Properties.SessionId);
    }

    [Fact]
    public async Task AcknowledgeAsync_NewCenterAfterTransfer_ClosesItAndTheOldCenterCannot()
    {
        var harness = await RoutedAsync();
        var actions = Actions(harness);
        await actions.AcknowledgeAsync(Document, Electronics, CancellationToken.None);
        await actions.TransferAsync(Document, "CEE005", "steel, not electronics", Electronics, CancellationToken.None);

        var old = await actions.AcknowledgeAsync(Document, Electronics, CancellationToken.None);
        var received = await actions.AcknowledgeAsync(Document, BaseMetals, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.NotFound, old.Outcome);
        Assert.Equal(CenterActionOutcome.Delivered, received.Outcome);
        var record = harness.Ledger.Records[Document];
        Assert.Equal(["received", "validated", "publish-intent", "routed", "delivered-1", "transferred-1", "delivered-2"], record.History.Select(h => h.Step));
        Assert.Equal("CEE005", record.Center);
        Assert.Equal(BaseMetalsInbox, record.History[^1].By);
    }

    [Fact]
    public async Task TransferAsync_CrashAfterRecordingBeforePublishing_RetryPublishesOnceUnderTheSameMessageId()
    {
        var harness = await RoutedAsync();
        var publishedBefore = harness.Published.Count;
        harness.PublishFailures = 1;
        var actions = Actions(harness);

        await Assert.ThrowsAsync<IOException>(() => actions.TransferAsync(Document, "CEE005", "steel, not electronics", Electronics, CancellationToken.None));
        Assert.Equal(LedgerState.Transferred, harness.Ledger.Records[Document].State);
        Assert.Empty(harness.PublishedOn("cee005"));

        var retry = await actions.TransferAsync(Document, "CEE005", "steel, not electronics", Electronics, CancellationToken.None);
        var again = await actions.TransferAsync(Document, "CEE005", "steel, not electronics", Electronics, CancellationToken.None);

        Assert.Equal((CenterActionOutcome.Transferred, true), (retry.Outcome, retry.Repeated));
        Assert.True(again.Repeated);
        var record = harness.Ledger.Records[Document];
        Assert.Single(record.History, h => h.State == LedgerState.Transferred);
        var ids = harness.PublishedOn("cee005").Select(m => m.Properties.MessageId).Distinct().ToList();
        Assert.Equal([$"{Document}-transfer-1"], ids);
        Assert.Single(harness.PublishedOn("cee005").Select(m => m.Body).Distinct());
        Assert.Equal(publishedBefore + 2, harness.Published.Count);
    }

    [Fact]
    public async Task TransferAsync_MoreThanMaxTransfers_SendsItToTriageInstead()
    {
        var harness = await RoutedAsync();
        var actions = Actions(harness, new TransferOptions { MaxTransfers = 2 });
        var toSteel = await actions.TransferAsync(Document, "CEE005", "steel, not electronics", Electronics, CancellationToken.None);
        var backToElectronics = await actions.TransferAsync(Document, "CEE007", "printed circuit assemblies, not steel", BaseMetals, CancellationToken.None);

        var third = await actions.TransferAsync(Document, "CEE005", "still not ours", Electronics, CancellationToken.None);

        Assert.Equal([CenterActionOutcome.Transferred, CenterActionOutcome.Transferred, CenterActionOutcome.SentToReview], new[] { toSteel.Outcome, backToElectronics.Outcome, third.Outcome });
        var record = harness.Ledger.Records[Document];
        Assert.Equal(LedgerState.AwaitingReview, record.State);
        Assert.Equal("transfer-review-3", record.History[^1].Step);
        Assert.Equal(2, CenterMessages.TransferCount(record));
        var review = Assert.Single(harness.PublishedOn("cee-triage"));
        Assert.Equal($"review-{Document}-transfers", review.Properties.MessageId);
        Assert.Equal(TestDrops.Entry, review.Properties.SessionId);
        var body = ContractJson.Deserialize<ReviewRequestMessage>(review.Body);
        Assert.Contains(body.Reasons, r => r.Contains("already transferred 2 time(s)", StringComparison.Ordinal));
        Assert.Single(harness.PublishedOn("cee005"));
        Assert.Single(harness.PublishedOn("cee007"), m => m.Properties.MessageId == $"{Document}-transfer-2");
    }

    [Theory]
    [InlineData("CEE011", "steel")]
    [InlineData("NOTELG", "steel")]
    [InlineData("CEE005", "   ")]
    public async Task TransferAsync_BadTargetOrNoReason_IsInvalidAndReadsNothing(string to, string reason)
    {
        var ledger = new Mock<Ports.IRoutingLedger>(MockBehavior.Strict);
        var actions = new CenterActions(ledger.Object, Mock.Of<Ports.ITopicPublisher>(MockBehavior.Strict), new SteppingClock(WorkflowHarness.Start), new TransferOptions());

        var result = await actions.TransferAsync(Document, to, reason, Electronics, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.Invalid, result.Outcome);
        Assert.NotNull(result.Problem);
    }

    [Fact]
    public async Task TransferAsync_ReasonTooLong_IsInvalid()
    {
        var harness = await RoutedAsync();

        var result = await Actions(harness).TransferAsync(Document, "CEE005", new string('x', TransferOptions.MaxReasonLength + 1), Electronics, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.Invalid, result.Outcome);
        Assert.Equal(LedgerState.Routed, harness.Ledger.Records[Document].State);
    }

    [Fact]
    public async Task TransferAsync_ToTheCenterHoldingIt_IsInvalid()
    {
        var harness = await RoutedAsync();

        var result = await Actions(harness).TransferAsync(Document, "cee007", "ours after all", Electronics, CancellationToken.None);

        Assert.Equal(CenterActionOutcome.Invalid, result.Outcome);
    }

    [Fact]
    public async Task TransferAsync_ReasonWithAnSsn_IsRecordedMasked()
    {
        var harness = await RoutedAsync();

        await Actions(harness).TransferAsync(Document, "CEE005", "importer 078-05-1120 files steel with CEE005", Electronics, CancellationToken.None);

        var json = JsonSerializer.Serialize(harness.Ledger.Records[Document], ContractJson.Options);
        Assert.DoesNotContain("078-05-1120", json, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", Assert.Single(harness.PublishedOn("cee005")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcknowledgeAndTransfer_WithdrawnDocument_AreConflictsSayingWithdrawnAndWriteNothing()
    {
        var harness = await RoutedAsync();
        var withdrawal = TestDrops.Reference("port-drops/2704/withdrawal-doc-1.xml");
        await harness.WithDrop(TestDrops.Withdrawal(withdrawal)).RunAsync(withdrawal);
        var withdrawn = harness.Ledger.Records[Document];
        Assert.Equal(LedgerState.Withdrawn, withdrawn.State);
        var published = harness.Published.Count;

        var receipt = await Actions(harness).AcknowledgeAsync(Document, Electronics, CancellationToken.None);
        var transfer = await Actions(harness).TransferAsync(Document, "CEE005", "Line 1 is hot-rolled steel coil (7208.51)", Electronics, CancellationToken.None);

        Assert.Equal((CenterActionOutcome.Conflict, CenterActionOutcome.Conflict), (receipt.Outcome, transfer.Outcome));
        Assert.Contains("is Withdrawn", receipt.Problem, StringComparison.Ordinal);
        Assert.Contains("cannot be acknowledged", receipt.Problem, StringComparison.Ordinal);
        Assert.Contains("Invoice sent for the wrong entry", transfer.Problem, StringComparison.Ordinal);
        Assert.Contains("cannot be transferred", transfer.Problem, StringComparison.Ordinal);
        Assert.Same(withdrawn, harness.Ledger.Records[Document]);
        Assert.Equal(published, harness.Published.Count);
    }

    [Fact]
    public void Validate_MaxTransfersOutOfBounds_ReportsIt()
    {
        Assert.NotEmpty(new TransferOptions { MaxTransfers = 0 }.Validate());
        Assert.NotEmpty(new TransferOptions { MaxTransfers = 21 }.Validate());
        Assert.Empty(new TransferOptions().Validate());
    }

    private static CenterActions Actions(WorkflowHarness harness, TransferOptions? options = null) =>
        new(harness.Ledger, harness.Publisher.Object, harness.Clock, options ?? new TransferOptions());

    private static async Task<WorkflowHarness> RoutedAsync()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop)).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");
        await harness.RunAsync(Drop);
        Assert.Equal(LedgerState.Routed, harness.Ledger.Records[Document].State);
        return harness;
    }
}
