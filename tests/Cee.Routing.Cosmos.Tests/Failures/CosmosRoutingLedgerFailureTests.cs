using System.Net;
using Cee.Routing.Cosmos.Tests.Support;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Moq;

namespace Cee.Routing.Cosmos.Tests.Failures;

/// <summary>
/// Every failure Cosmos DB can answer with, handled deliberately. The test server cannot produce
/// most of them (no 429, no 5xx, no malformed items, no timed races), so the container is a strict
/// Moq mock answering exactly as Cosmos DB does through the SDK's stream API.
/// </summary>
public class CosmosRoutingLedgerFailureTests
{
    private static readonly LedgerSubject Subject = LedgerSamples.Subject("d0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    private static readonly string Id = Subject.RecordId;

    private readonly Mock<Container> _container = new(MockBehavior.Strict);
    private readonly Mock<Container> _claims = new(MockBehavior.Strict);
    private readonly RecordingTimeProvider _time = new();
    private readonly CapturingLogger<CosmosRoutingLedger> _logs = new();
    private readonly CosmosRoutingOptions _options = new()
    {
        AccountEndpoint = new Uri("https://cee-prod.documents.azure.com:443/"),
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        MaxConflictRetries = 3,
    };

    private CosmosRoutingLedger Ledger() => new(_container.Object, _claims.Object, _options, _time, _logs);

    private static LedgerRecord Record(params Func<LedgerSubject, LedgerTransition>[] steps)
    {
        var record = LedgerRecord.Create(LedgerSamples.Received(Subject)).Record;
        foreach (var step in steps)
        {
            record = record.Apply(step(Subject)).Record;
        }

        return record;
    }

    private Moq.Language.ISetupSequentialResult<Task<ResponseMessage>> Reads() =>
        _container.SetupSequence(c => c.ReadItemStreamAsync(Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()));

    [Fact]
    public async Task GetAsync_NotFound_ReturnsNull()
    {
        Reads().ReturnsAsync(Responses.Status(HttpStatusCode.NotFound));

        Assert.Null(await Ledger().GetAsync(Id, default));
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task RecordAsync_CreateRacedWith409_ReReadsAndFindsTheStepApplied()
    {
        // Two deliveries of the same drop: both see no record, the other creates it first.
        var winner = Record();
        Reads()
            .ReturnsAsync(Responses.Status(HttpStatusCode.NotFound))
            .ReturnsAsync(Responses.Item(winner, "\"e1\""));
        _container.Setup(c => c.CreateItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Responses.Status(HttpStatusCode.Conflict));

        var result = await Ledger().RecordAsync(LedgerSamples.Received(Subject), default);

        Assert.Equal(ContractJson.Serialize(winner), ContractJson.Serialize(result));
        _container.Verify(c => c.CreateItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()), Times.Once);
        _container.Verify(c => c.ReadItemStreamAsync(Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task RecordAsync_ReplaceLostWith412_ReReadsAndAppliesOnTopOfTheWinner()
    {
        var validated = Record(s => LedgerSamples.Validated(s));
        var winner = Record(s => LedgerSamples.Validated(s), s => LedgerSamples.AwaitingReview(s));
        Reads()
            .ReturnsAsync(Responses.Item(validated, "\"e1\""))
            .ReturnsAsync(Responses.Item(winner, "\"e2\""));
        var etags = new List<string>();
        _container.SetupSequence(c => c.ReplaceItemStreamAsync(It.IsAny<Stream>(), Id, It.IsAny<PartitionKey>(), Capture.With(new CaptureMatch<ItemRequestOptions>(o => etags.Add(o.IfMatchEtag))), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Responses.Status(HttpStatusCode.PreconditionFailed))
            .ReturnsAsync(Responses.Status(HttpStatusCode.OK));

        var result = await Ledger().RecordAsync(LedgerSamples.Routed(Subject), default);

        Assert.Equal(["\"e1\"", "\"e2\""], etags);
        Assert.Equal(LedgerState.Routed, result.State);
        Assert.Equal(["received", "validated", "awaiting-review", "routed"], result.History.Select(h => h.Step));
    }

    [Fact]
    public async Task RecordAsync_412AndTheWinnerEndedTheRecord_ReturnsTheCurrentRecordWithoutWriting()
    {
        var validated = Record(s => LedgerSamples.Validated(s));
        var routed = Record(s => LedgerSamples.Validated(s), s => LedgerSamples.Routed(s));
        Reads()
            .ReturnsAsync(Responses.Item(validated, "\"e1\""))
            .ReturnsAsync(Responses.Item(routed, "\"e2\""));
        _container.Setup(c => c.ReplaceItemStreamAsync(It.IsAny<Stream>(), Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Responses.Status(HttpStatusCode.PreconditionFailed));

        var result = await Ledger().RecordAsync(LedgerSamples.AwaitingReview(Subject), default);

        Assert.Equal(LedgerState.Routed, result.State);
        _container.Verify(c => c.ReplaceItemStreamAsync(It.IsAny<Stream>(), Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && (string?)e["Step"] == "awaiting-review");
    }

    [Fact]
    public async Task RecordAsync_EveryReplaceLoses_ThrowsAfterTheBoundedAttempts()
    {
        var validated = Record(s => LedgerSamples.Validated(s));
        _container.Setup(c => c.ReadItemStreamAsync(Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Responses.Item(validated, "\"e1\""));
        _container.Setup(c => c.ReplaceItemStreamAsync(It.IsAny<Stream>(), Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Responses.Status(HttpStatusCode.PreconditionFailed));

        var ex = await Assert.ThrowsAsync<LedgerWriteConflictException>(() => Ledger().RecordAsync(LedgerSamples.Routed(Subject), default));

        Assert.Equal((Id, "routed", 3), (ex.RecordId, ex.Step, ex.Attempts));
        _container.Verify(c => c.ReplaceItemStreamAsync(It.IsAny<Stream>(), Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task RecordAsync_StepAlreadyInTheHistory_ReadsOnlyAndWritesNothing()
    {
        // Strict mock: any create or replace would throw.
        Reads().ReturnsAsync(Responses.Item(Record(s => LedgerSamples.Validated(s)), "\"e1\""));

        var result = await Ledger().RecordAsync(LedgerSamples.Validated(Subject, minute: 30), default);

        Assert.Equal(LedgerSamples.Start.AddMinutes(1), result.UpdatedAt);
    }

    [Fact]
    public async Task GetAsync_RateLimitedResponse_WaitsTheServersRetryAfterThenReads()
    {
        Reads()
            .ReturnsAsync(Responses.Status(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMilliseconds(750)))
            .ReturnsAsync(Responses.Item(Record(), "\"e1\""));

        var record = await Ledger().GetAsync(Id, default);

        Assert.Equal(Id, record?.Id);
        Assert.Equal([TimeSpan.FromMilliseconds(750)], _time.Delays);
        var retry = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(429, retry["StatusCode"]);
    }

    [Fact]
    public async Task GetAsync_RateLimitedException_WaitsItsRetryAfterThenReads()
    {
        _container.SetupSequence(c => c.ReadItemStreamAsync(Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Responses.Exception(HttpStatusCode.TooManyRequests, TimeSpan.FromMilliseconds(1200)))
            .ReturnsAsync(Responses.Item(Record(), "\"e1\""));

        var record = await Ledger().GetAsync(Id, default);

        Assert.NotNull(record);
        Assert.Equal([TimeSpan.FromMilliseconds(1200)], _time.Delays);
    }

    [Fact]
    public async Task GetAsync_RetryAfterLongerThanTheCap_WaitsTheCap()
    {
        Reads()
            .ReturnsAsync(Responses.Status(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMinutes(1)))
            .ReturnsAsync(Responses.Item(Record(), "\"e1\""));

        await Ledger().GetAsync(Id, default);

        Assert.Equal([_options.MaxRetryDelay], _time.Delays);
    }

    [Fact]
    public async Task GetAsync_ServiceUnavailableEveryTime_BacksOffThenThrows()
    {
        _container.Setup(c => c.ReadItemStreamAsync(Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Responses.Status(HttpStatusCode.ServiceUnavailable));

        var ex = await Assert.ThrowsAsync<CosmosException>(() => Ledger().GetAsync(Id, default));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal([100, 200, 400], _time.Delays.Select(d => d.TotalMilliseconds));
        _container.Verify(c => c.ReadItemStreamAsync(Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()), Times.Exactly(4));
        Assert.Contains(_logs.Entries, e => e.Template?.Contains("giving up", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task GetAsync_TransientExceptionOnce_RetriesAndReads()
    {
        _container.SetupSequence(c => c.ReadItemStreamAsync(Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Responses.Exception(HttpStatusCode.RequestTimeout))
            .ReturnsAsync(Responses.Item(Record(), "\"e1\""));

        var record = await Ledger().GetAsync(Id, default);

        Assert.NotNull(record);
        Assert.Equal([TimeSpan.FromMilliseconds(100)], _time.Delays);
    }

    [Fact]
    public async Task GetAsync_TransientExceptionEveryTime_RethrowsTheLastOne()
    {
        _container.Setup(c => c.ReadItemStreamAsync(Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Responses.Exception(HttpStatusCode.InternalServerError));

        var ex = await Assert.ThrowsAsync<CosmosException>(() => Ledger().GetAsync(Id, default));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(3, _time.Delays.Count);
    }

    [Fact]
    public async Task GetAsync_ConnectionRefusedOnce_RetriesLogsAWarningAndReads()
    {
        // What reached the activity in the outage of issue 18: the SDK's HttpRequestException, not a CosmosException.
        _container.SetupSequence(c => c.ReadItemStreamAsync(Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("Connection refused (localhost:8081)", new System.Net.Sockets.SocketException(111)))
            .ReturnsAsync(Responses.Item(Record(), "\"e1\""));

        var record = await Ledger().GetAsync(Id, default);

        Assert.NotNull(record);
        Assert.Equal([TimeSpan.FromMilliseconds(100)], _time.Delays);
        var warning = Assert.Single(_logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("Connection refused", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_SdkTimeoutEveryTime_BacksOffThenRethrowsAndSaysSo()
    {
        _container.Setup(c => c.ReadItemStreamAsync(Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OperationCanceledException("The operation was canceled after the request timeout."));

        await Assert.ThrowsAsync<OperationCanceledException>(() => Ledger().GetAsync(Id, default));

        Assert.Equal([100, 200, 400], _time.Delays.Select(d => d.TotalMilliseconds));
        Assert.Contains(_logs.Entries, e => e.Template?.Contains("not reached after", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task GetAsync_CallerCancelled_IsNotRetried()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        _container.Setup(c => c.ReadItemStreamAsync(Id, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OperationCanceledException(cancelled.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Ledger().GetAsync(Id, cancelled.Token));

        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task GetAsync_BadRequest_IsNotRetried()
    {
        Reads().ReturnsAsync(Responses.Status(HttpStatusCode.BadRequest));

        var ex = await Assert.ThrowsAsync<CosmosException>(() => Ledger().GetAsync(Id, default));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Empty(_time.Delays);
    }

    [Theory]
    [InlineData("{\"id\":\"ID\",\"schemaVersion\":1,\"state\":\"Teleported\"}", "state")]
    [InlineData("{\"id\":\"ID\",\"schemaVersion\":1,\"subject\":null,\"state\":\"Received\",\"history\":[]}", "no subject")]
    [InlineData("{\"id\":\"ID\",\"schemaVersion\":2}", "schema version 2")]
    [InlineData("{\"id\":\"d999-001\",\"schemaVersion\":1}", "names id 'd999-001'")]
    [InlineData("{\"id\":\"ID\",", "")]
    public async Task GetAsync_ItemThatCannotBeRead_ThrowsAFormatExceptionNamingContainerAndId(string json, string reason)
    {
        Reads().ReturnsAsync(Responses.Status(HttpStatusCode.OK, etag: "\"e1\"", body: json.Replace("ID", Id, StringComparison.Ordinal)));

        var ex = await Assert.ThrowsAsync<CosmosItemFormatException>(() => Ledger().GetAsync(Id, default));

        Assert.Equal(("ledger", Id), (ex.Container, ex.ItemId));
        Assert.Contains($"'{Id}' in container 'ledger'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal((object?)"ledger", error["Container"]);
        Assert.Equal(Id, error["ItemId"]);
        Assert.Empty(_time.Delays); // not transient: never retried
    }

    [Fact]
    public async Task RecordAsync_StoredRecordCannotBeRead_ThrowsWithoutWriting()
    {
        Reads().ReturnsAsync(Responses.Status(HttpStatusCode.OK, etag: "\"e1\"", body: "[]"));

        await Assert.ThrowsAsync<CosmosItemFormatException>(() => Ledger().RecordAsync(LedgerSamples.Validated(Subject), default));
    }

    [Fact]
    public async Task GetCenterQueueAsync_PageWithAnUnreadableItem_ReturnsTheOthersAndNamesIt()
    {
        var good = LedgerRecord.Create(LedgerSamples.Received(Subject)).Record.Apply(LedgerSamples.Validated(Subject)).Record
            .Apply(LedgerSamples.Routed(Subject)).Record;
        var iterator = new Mock<FeedIterator>();
        iterator.SetupSequence(i => i.HasMoreResults).Returns(true).Returns(false);
        iterator.Setup(i => i.ReadNextAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(Responses.Page([ContractJson.Serialize(good), "{\"id\":\"d0ff-002\",\"schemaVersion\":1,\"state\":42}"], continuation: "page-2"));
        QueryDefinition? sent = null;
        _container.Setup(c => c.GetItemQueryStreamIterator(It.IsAny<QueryDefinition>(), null, It.IsAny<QueryRequestOptions>()))
            .Callback<QueryDefinition, string, QueryRequestOptions>((q, _, _) => sent = q)
            .Returns(iterator.Object);

        var page = await Ledger().GetCenterQueueAsync("CEE007", LedgerState.Routed, null, 50, default);

        Assert.Equal(good.Id, Assert.Single(page.Records).Id);
        Assert.Equal(["d0ff-002"], page.UnreadableIds);
        Assert.Equal("page-2", page.ContinuationToken);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && (string?)e["ItemId"] == "d0ff-002");
        var parameters = sent!.GetQueryParameters().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal("CEE007", parameters["@center"]);
        Assert.Equal(LedgerState.Routed, parameters["@state"]);
    }

    [Fact]
    public async Task GetCenterQueueAsync_NotACenter_Throws()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Ledger().GetCenterQueueAsync("NOTELG", LedgerState.Routed, null, 50, default));

        Assert.Contains("importer-account state", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimContentAsync_CreateAnswers409_ReturnsTheClaimAlreadyHeld()
    {
        const string sha = "9f2c4b0e8d1a7c3f5e6b9a2d4c8e1f0a3b5d7c9e2f4a6b8d0c1e3f5a7b9d2c4e";
        var held = new ContentClaim(sha, "d-first", "port-drops/2704/entry.xml", "d-first-001", LedgerSamples.Start);
        _claims.Setup(c => c.CreateItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Responses.Status(HttpStatusCode.Conflict));
        _claims.Setup(c => c.ReadItemStreamAsync(sha, It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Responses.Item(new { id = sha, schemaVersion = 1, claim = held }, "\"etag-1\""));

        var result = await Ledger().ClaimContentAsync(held with { DropId = "d-second", RecordId = "d-second-001" }, default);

        Assert.Equal(held, result);
    }

    [Fact]
    public async Task ClaimContentAsync_ConflictButTheClaimIsGone_RetriesThenFails()
    {
        var claim = new ContentClaim("abc", "d-first", "port-drops/2704/entry.xml", "d-first-001", LedgerSamples.Start);
        _claims.Setup(c => c.CreateItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Responses.Status(HttpStatusCode.Conflict));
        _claims.Setup(c => c.ReadItemStreamAsync("abc", It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Responses.Status(HttpStatusCode.NotFound));

        await Assert.ThrowsAsync<LedgerWriteConflictException>(() => Ledger().ClaimContentAsync(claim, default));

        _claims.Verify(c => c.CreateItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }
}
