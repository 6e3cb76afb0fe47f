using System.Net;
using Cee.CenterInbox.Processing;
using Cee.Routing.Inbox;

namespace Cee.CenterInbox.Tests;

public class InboxMessageHandlerTests
{
    private readonly InboxHarness _inbox = new();

    [Fact]
    public async Task HandleAsync_RoutedDocument_KeepsItAcknowledgesThenCompletes()
    {
        var document = Messages.Document();

        var disposition = await _inbox.HandleAsync(Messages.Received(document));

        Assert.Equal(InboxDisposition.Completed, disposition);
        Assert.Equal([
            $"keep {document.DocumentId} in {Messages.Entry}",
            $"POST /api/documents/{document.DocumentId}/receipt",
            $"complete {document.DocumentId}",
        ], _inbox.Steps);
        var request = Assert.Single(_inbox.Requests);
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.StartsWith("eyJ0eXAi", request.Headers.Authorization.Parameter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\":\"cee.routed-document\",\"schemaVersion\":1,", RoutedDocumentRead.MalformedBody)]
    [InlineData("\"cee.routed-document\"", RoutedDocumentRead.MalformedBody)]
    [InlineData("", RoutedDocumentRead.MalformedBody)]
    [InlineData("{\"schema\":\"cee.review-request\",\"schemaVersion\":1,\"reviewId\":\"d4c2e8a1f0b7d3c9e6a5f1b2c8d0e4a7f\"}", RoutedDocumentRead.UnsupportedSchema)]
    [InlineData("{\"schema\":\"cee.routed-document\",\"schemaVersion\":2,\"documentId\":\"d4c2e8a1f0b7d3c9e6a5f1b2c8d0e4a7f-001\"}", RoutedDocumentRead.UnsupportedSchemaVersion)]
    [InlineData("{\"schema\":\"cee.routed-document\",\"schemaVersion\":1,\"documentId\":\"d4c2e8a1f0b7d3c9e6a5f1b2c8d0e4a7f-001\",\"kind\":\"bill-of-lading\"}", RoutedDocumentRead.MalformedBody)]
    public async Task HandleAsync_UnreadableBody_DeadLettersWithReasonAndDescriptionAndCallsNothing(string body, string reason)
    {
        var disposition = await _inbox.HandleAsync(Messages.Received(body, "d4c2e8a1f0b7d3c9e6a5f1b2c8d0e4a7f-001"));

        Assert.Equal(InboxDisposition.DeadLettered, disposition);
        var step = Assert.Single(_inbox.Steps);
        Assert.StartsWith($"dead-letter d4c2e8a1f0b7d3c9e6a5f1b2c8d0e4a7f-001 {reason}: ", step, StringComparison.Ordinal);
        Assert.True(step.Length > $"dead-letter d4c2e8a1f0b7d3c9e6a5f1b2c8d0e4a7f-001 {reason}: ".Length + 10, "the description says what is wrong");
        Assert.Empty(_inbox.Requests);
    }

    [Fact]
    public async Task HandleAsync_Withdrawal_RecordsItWithTheDocumentHandlerThenCompletesAndCallsNoApi()
    {
        var withdrawal = Messages.Withdrawal();

        var disposition = await _inbox.HandleAsync(Messages.Received(withdrawal));

        Assert.Equal(InboxDisposition.Completed, disposition);
        Assert.Equal([
            $"withdraw {withdrawal.DocumentId} in {Messages.Entry}: Filed in error",
            $"complete withdrawal-{withdrawal.DocumentId}",
        ], _inbox.Steps);
        Assert.Empty(_inbox.Requests);
    }

    [Fact]
    public async Task HandleAsync_WithdrawalTheHandlerCannotRecord_AbandonsAndNeverCompletes()
    {
        var withdrawal = Messages.Withdrawal();
        _inbox.KeepFailure = new IOException("No space left on device");

        var disposition = await _inbox.HandleAsync(Messages.Received(withdrawal));

        Assert.Equal(InboxDisposition.Abandoned, disposition);
        Assert.Equal([$"abandon withdrawal-{withdrawal.DocumentId}"], _inbox.Steps);
        Assert.Empty(_inbox.Requests);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public async Task HandleAsync_WithdrawalOfAnUnknownVersion_DeadLettersAndCallsNothing(int version)
    {
        var withdrawal = Messages.Withdrawal(version: version);

        var disposition = await _inbox.HandleAsync(Messages.Received(withdrawal));

        Assert.Equal(InboxDisposition.DeadLettered, disposition);
        var step = Assert.Single(_inbox.Steps);
        Assert.StartsWith($"dead-letter withdrawal-{withdrawal.DocumentId} {RoutedDocumentRead.UnsupportedSchemaVersion}: ", step, StringComparison.Ordinal);
        Assert.Contains("cee.document-withdrawal", step, StringComparison.Ordinal);
        Assert.Empty(_inbox.Requests);
    }

    [Fact]
    public async Task HandleAsync_AnotherCentersWithdrawal_DeadLettersAsWrongCenter()
    {
        var disposition = await _inbox.HandleAsync(Messages.Received(Messages.Withdrawal(center: "CEE005")));

        Assert.Equal(InboxDisposition.DeadLettered, disposition);
        Assert.Contains("wrong-center: ", Assert.Single(_inbox.Steps), StringComparison.Ordinal);
        Assert.Empty(_inbox.Requests);
    }

    [Fact]
    public async Task HandleAsync_AnotherCentersDocument_DeadLettersAsWrongCenter()
    {
        var disposition = await _inbox.HandleAsync(Messages.Received(Messages.Document(center: "CEE005")));

        Assert.Equal(InboxDisposition.DeadLettered, disposition);
        Assert.Contains("wrong-center: ", Assert.Single(_inbox.Steps), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task HandleAsync_ApiTransientOrIdentityFailure_AbandonsAndNeverCompletes(HttpStatusCode status)
    {
        var document = Messages.Document();
        _inbox.Answer(status, """{"title":"Service Unavailable"}""");

        var disposition = await _inbox.HandleAsync(Messages.Received(document));

        Assert.Equal(InboxDisposition.Abandoned, disposition);
        Assert.Equal($"abandon {document.DocumentId}", _inbox.Steps[^1]);
        Assert.DoesNotContain(_inbox.Steps, s => s.StartsWith("complete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_ApiDoesNotAnswerInTime_Abandons()
    {
        _inbox.ApiTimeout = TimeSpan.FromMilliseconds(200);
        _inbox.Answers.Enqueue(async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var disposition = await _inbox.HandleAsync(Messages.Received(Messages.Document()));

        Assert.Equal(InboxDisposition.Abandoned, disposition);
    }

    [Fact]
    public async Task HandleAsync_ApiUnreachable_Abandons()
    {
        _inbox.Answers.Enqueue(_ => throw new HttpRequestException("Connection refused (func-cee-test.azurewebsites.net:443)"));

        var disposition = await _inbox.HandleAsync(Messages.Received(Messages.Document()));

        Assert.Equal(InboxDisposition.Abandoned, disposition);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "document-not-held")]
    [InlineData(HttpStatusCode.Conflict, "receipt-refused")]
    [InlineData(HttpStatusCode.BadRequest, "receipt-refused")]
    public async Task HandleAsync_ApiRefusesForGood_DeadLettersWithTheApisWords(HttpStatusCode status, string reason)
    {
        var document = Messages.Document();
        _inbox.Answer(status, """{"title":"No such document","detail":"No document is with the caller's Center."}""");

        var disposition = await _inbox.HandleAsync(Messages.Received(document));

        Assert.Equal(InboxDisposition.DeadLettered, disposition);
        Assert.StartsWith($"dead-letter {document.DocumentId} {reason}: ", _inbox.Steps[^1], StringComparison.Ordinal);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), _inbox.Steps[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_KeepingTheDocumentFails_AbandonsWithoutAReceipt()
    {
        _inbox.KeepFailure = new IOException("No space left on device");

        var disposition = await _inbox.HandleAsync(Messages.Received(Messages.Document()));

        Assert.Equal(InboxDisposition.Abandoned, disposition);
        Assert.Empty(_inbox.Requests);
    }

    [Fact]
    public async Task HandleAsync_OneSessionsMessages_AreAcknowledgedInPublishedOrderAcrossARedelivery()
    {
        // The session processor hands one message at a time (MaxConcurrentCallsPerSession 1); an
        // abandoned message is redelivered before the session's later ones.
        var first = Messages.Document(1);
        var second = Messages.Document(2);
        var third = Messages.Document(3);
        _inbox.Answer(HttpStatusCode.OK);
        _inbox.Answer(HttpStatusCode.ServiceUnavailable);

        var dispositions = new List<InboxDisposition>();
        foreach (var message in new[] { Messages.Received(first), Messages.Received(second), Messages.Received(second, deliveryCount: 2), Messages.Received(third) })
        {
            dispositions.Add(await _inbox.HandleAsync(message));
        }

        Assert.Equal([InboxDisposition.Completed, InboxDisposition.Abandoned, InboxDisposition.Completed, InboxDisposition.Completed], dispositions);
        Assert.Equal([first.DocumentId, second.DocumentId, third.DocumentId],
            _inbox.Steps.Where(s => s.StartsWith("complete ", StringComparison.Ordinal)).Select(s => s["complete ".Length..]));
        Assert.Equal(InboxProcessorOptionsTests.OneAtATime, Processing.InboxProcessorOptions.Create(new Hosting.InboxSettings()).MaxConcurrentCallsPerSession);
    }
}
