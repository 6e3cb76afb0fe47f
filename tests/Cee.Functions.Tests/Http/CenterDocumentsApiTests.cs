using Azure.Messaging.ServiceBus;
using Cee.Functions.Harness.ServiceBus;
using Cee.Functions.Http;
using Cee.Functions.Identity;
using Cee.Functions.Messaging;
using Cee.Functions.Tests.Support;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Ports;
using Cee.Routing.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Cee.Functions.Tests.Http;

/// <summary>
/// <c>POST documents/{id}/receipt</c> and <c>/transfer</c> over the core's <see cref="CenterActions"/>,
/// a ledger that applies the core's rules and the app's Service Bus publisher over recording senders.
/// </summary>
public class CenterDocumentsApiTests
{
    private const string Document = RoutedLedger.DocumentId;

    private static readonly string Electronics = AppRoles.ForCenter("CEE007");

    private static readonly string BaseMetals = AppRoles.ForCenter("CEE005");

    private readonly RoutedLedger _ledger = new();

    private readonly RecordingServiceBusSenders _senders = new();

    [Fact]
    public async Task Receipt_HoldersCenterRole_RecordsDeliveredWithCenterPrincipalAndTime()
    {
        var result = await ReceiptAsync(Electronics);

        var record = Assert.IsType<LedgerRecord>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal((LedgerState.Delivered, "CEE007"), (record.State, record.Center));
        var step = record.History[^1];
        Assert.Equal(new LedgerActor(Principals.ObjectId, Principals.Name), step.By);
        Assert.Equal(Now, step.At);
        Assert.Equal(LedgerState.Delivered, _ledger[Document].State);
    }

    [Fact]
    public async Task Receipt_Twice_SecondIsOkAndWritesNothing()
    {
        await ReceiptAsync(Electronics);
        var writes = _ledger.Writes;

        var again = await ReceiptAsync(Electronics);

        Assert.IsType<OkObjectResult>(again);
        Assert.Equal(writes, _ledger.Writes);
    }

    [Fact]
    public async Task Receipt_AnotherCentersRole_Is404AndWritesNothing()
    {
        var result = await ReceiptAsync(BaseMetals);

        Requests.Problem(result, 404, "No such document");
        Assert.Equal(0, _ledger.Writes);
    }

    [Theory]
    [InlineData("Cee.Reader")]
    [InlineData("Cee.Reviewer")]
    [InlineData("Cee.Center.CEE011")]
    public async Task Receipt_NoCenterRole_Is403AndReadsNothing(string role)
    {
        var ledger = new Mock<IRoutingLedger>(MockBehavior.Strict);
        var api = new CenterDocumentsApi(new CenterRequests(Actions(ledger.Object), NullLogger<CenterRequests>.Instance), Principals.Access());

        var result = await api.AcknowledgeReceiptAsync(Requests.SignedIn($"/api/documents/{Document}/receipt", null, role), Document, CancellationToken.None);

        Assert.Contains("requires the app role of a Center", Requests.Problem(result, 403, "A required role is missing").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_FromTheHolder_RecordsTransferredAndPublishesOnTheNewTopicInTheSameSession()
    {
        var result = await TransferAsync(Electronics, """{ "toCenter": "CEE005", "reason": "Line 1 is hot-rolled steel coil (7208.51)" }""");

        var record = Assert.IsType<LedgerRecord>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal((LedgerState.Transferred, "CEE005", "cee005"), (record.State, record.Center, record.Topic));
        Assert.Contains("CEE007 transferred it to CEE005", record.History[^1].Reason, StringComparison.Ordinal);
        var published = Assert.Single(_senders.Published);
        Assert.Equal("cee005", published.Topic);
        Assert.Equal((CenterMessages.TransferMessageId(Document, 1), RoutedLedger.Entry, "entry-summary"),
            (published.MessageId, published.Message.SessionId, published.Message.Subject));
        Assert.Equal("CEE005", published.Message.ApplicationProperties["center"]);
        Assert.Equal("CEE005", ContractJson.Deserialize<RoutedDocumentMessage>(published.Body).Center);
    }

    [Fact]
    public async Task Transfer_ThenTheNewCentersReceipt_ClosesItAndKeepsBothCentersInHistory()
    {
        await TransferAsync(Electronics, """{ "toCenter": "CEE005", "reason": "steel, not electronics" }""");

        var old = await ReceiptAsync(Electronics);
        var received = await ReceiptAsync(BaseMetals);

        Requests.Problem(old, 404, "No such document");
        var record = Assert.IsType<LedgerRecord>(Assert.IsType<OkObjectResult>(received).Value);
        Assert.Equal(["received", "validated", "routed", "transferred-1", "delivered-2"], record.History.Select(h => h.Step));
        Assert.Equal((LedgerState.Delivered, "CEE005"), (record.State, record.Center));
    }

    [Theory]
    [InlineData("""{ "toCenter": "CEE011", "reason": "steel" }""", "not an ACE Center ID")]
    [InlineData("""{ "toCenter": "PNDING", "reason": "steel" }""", "importer-account state")]
    [InlineData("""{ "toCenter": "CEE005" }""", "needs a reason")]
    [InlineData("""{ "toCenter": "CEE007", "reason": "ours after all" }""", "already with CEE007")]
    [InlineData("""[ "CEE005" ]""", "not the expected JSON object")]
    public async Task Transfer_BadBody_Is400AndPublishesNothing(string body, string expected)
    {
        var result = await TransferAsync(Electronics, body);

        var problem = Assert.IsType<ProblemDetails>(Assert.IsType<ObjectResult>(result).Value);
        Assert.Equal(400, problem.Status);
        Assert.Contains(expected, problem.Detail, StringComparison.Ordinal);
        Assert.Empty(_senders.Published);
        Assert.Equal(0, _ledger.Writes);
    }

    [Fact]
    public async Task Transfer_ReasonBeyondTheBound_Is400()
    {
        var result = await TransferAsync(Electronics, $$"""{ "toCenter": "CEE005", "reason": "{{new string('x', TransferOptions.MaxReasonLength + 1)}}" }""");

        Requests.Problem(result, 400, "The transfer is not recorded");
    }

    [Fact]
    public async Task Transfer_BeyondMaxTransfers_Is202AndGoesToTriage()
    {
        var options = new TransferOptions { MaxTransfers = 1 };
        await TransferAsync(Electronics, """{ "toCenter": "CEE005", "reason": "steel, not electronics" }""", options);

        var result = await TransferAsync(BaseMetals, """{ "toCenter": "CEE007", "reason": "circuit boards, not steel" }""", options);

        var record = Assert.IsType<LedgerRecord>(Assert.IsType<AcceptedResult>(result).Value);
        Assert.Equal(LedgerState.AwaitingReview, record.State);
        Assert.Equal(["cee005", "cee-triage"], _senders.Published.Select(m => m.Topic));
        Assert.Equal(RoutedLedger.Entry, _senders.Published[^1].Message.SessionId);
    }

    [Fact]
    public async Task Transfer_ServiceBusFailsAfterTheLedgerStep_ThrowsForA500AndTheRetryPublishesOnce()
    {
        var failing = new Mock<IAzureClientFactory<ServiceBusSender>>();
        failing.Setup(f => f.CreateClient("cee005")).Throws(new ServiceBusException("the namespace is busy", ServiceBusFailureReason.ServiceBusy));
        var body = """{ "toCenter": "CEE005", "reason": "steel, not electronics" }""";

        await Assert.ThrowsAsync<ServiceBusException>(() => TransferAsync(Electronics, body, publisher: new ServiceBusTopicPublisher(failing.Object)));
        Assert.Equal(LedgerState.Transferred, _ledger[Document].State);
        Assert.Empty(_senders.Published);

        var retry = await TransferAsync(Electronics, body);

        Assert.Equal(LedgerState.Transferred, Assert.IsType<LedgerRecord>(Assert.IsType<OkObjectResult>(retry).Value).State);
        Assert.Equal([CenterMessages.TransferMessageId(Document, 1)], _senders.Published.Select(m => m.MessageId));
        Assert.Single(_ledger[Document].History, h => h.State == LedgerState.Transferred);
    }

    [Fact]
    public async Task ReceiptAndTransfer_WithdrawnDocument_Are409SayingWithdrawnAndWriteNothing()
    {
        await _ledger.RecordAsync(new LedgerTransition(Document, WithdrawalPolicy.Step, LedgerState.Withdrawn, Now.AddHours(-1),
            "withdrawn by drop 7e1b9c3d5f2a4e6b8c0d1f3a5b7c9e2d4 (2704/withdrawal-inv-2026-0417.xml): Invoice sent for the wrong entry", "7e1b9c3d5f2a4e6b8c0d1f3a5b7c9e2d4"), CancellationToken.None);
        var writes = _ledger.Writes;

        var receipt = Requests.Problem(await ReceiptAsync(Electronics), 409, "The receipt is not recorded");
        var transfer = Requests.Problem(await TransferAsync(Electronics, """{ "toCenter": "CEE005", "reason": "Line 1 is hot-rolled steel coil (7208.51)" }"""), 409, "The transfer is not recorded");

        Assert.Contains("is Withdrawn", receipt.Detail, StringComparison.Ordinal);
        Assert.Contains("a withdrawn document cannot be acknowledged", receipt.Detail, StringComparison.Ordinal);
        Assert.Contains("a withdrawn document cannot be transferred", transfer.Detail, StringComparison.Ordinal);
        Assert.Equal(writes, _ledger.Writes);
        Assert.Equal(LedgerState.Withdrawn, _ledger[Document].State);
        Assert.Empty(_senders.Published);
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 30, 0, TimeSpan.Zero);

    private Task<IActionResult> ReceiptAsync(string role) =>
        Api().AcknowledgeReceiptAsync(Requests.SignedIn($"/api/documents/{Document}/receipt", null, role), Document, CancellationToken.None);

    private Task<IActionResult> TransferAsync(string role, string body, TransferOptions? options = null, ITopicPublisher? publisher = null) =>
        Api(options, publisher).TransferDocumentAsync(Requests.SignedIn($"/api/documents/{Document}/transfer", body, role), Document, CancellationToken.None);

    private CenterDocumentsApi Api(TransferOptions? options = null, ITopicPublisher? publisher = null) =>
        new(new CenterRequests(Actions(_ledger, options, publisher), NullLogger<CenterRequests>.Instance), Principals.Access());

    private CenterActions Actions(IRoutingLedger ledger, TransferOptions? options = null, ITopicPublisher? publisher = null) =>
        new(ledger, publisher ?? new ServiceBusTopicPublisher(_senders), new Cee.Functions.Hosting.TimeProviderClock(new FixedTimeProvider(Now)), options ?? new TransferOptions());
}
