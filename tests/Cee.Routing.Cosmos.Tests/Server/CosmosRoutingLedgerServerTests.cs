using System.Net;
using System.Text.Json.Nodes;
using Cee.Routing.Cosmos.Tests.Support;
using Cee.Routing.Identifiers;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Moq;

namespace Cee.Routing.Cosmos.Tests.Server;

/// <summary>The ledger against a real Cosmos DB server (eng/services.sh starts it).</summary>
[Collection(CosmosServerGroup.Name)]
public class CosmosRoutingLedgerServerTests(CosmosServerFixture server)
{
    private readonly CapturingLogger<CosmosRoutingLedger> _logs = new();

    private CosmosRoutingLedger Ledger(CosmosRoutingOptions? options = null) =>
        new(server.Client, Microsoft.Extensions.Options.Options.Create(options ?? server.Options), TimeProvider.System, _logs);

    [Fact]
    public async Task RecordAsync_ReceivedThenValidated_StoresTheRecordWithItsHistory()
    {
        var subject = LedgerSamples.Subject(LedgerSamples.NewDropId());
        var ledger = Ledger();

        var created = await ledger.RecordAsync(LedgerSamples.Received(subject), default);
        var validated = await ledger.RecordAsync(LedgerSamples.Validated(subject), default);
        var read = await ledger.GetAsync(subject.RecordId, default);

        Assert.Equal(LedgerState.Received, created.State);
        Assert.Equal(LedgerState.Validated, validated.State);
        Assert.NotNull(read);
        Assert.Equal(LedgerState.Validated, read.State);
        Assert.Equal(["received", "validated"], read.History.Select(h => h.Step));
        Assert.Equal(LedgerSamples.Start.AddMinutes(1), read.UpdatedAt);
        Assert.Equal(LedgerSamples.Entry, Assert.Single(read.Subject.Entries));
        Assert.Equal(subject.Document!.Id, read.Subject.Document!.Id);
    }

    [Fact]
    public async Task RecordAsync_StepAlreadyRecorded_WritesNothing()
    {
        var subject = LedgerSamples.Subject(LedgerSamples.NewDropId());
        var ledger = Ledger();
        await ledger.RecordAsync(LedgerSamples.Received(subject), default);
        await ledger.RecordAsync(LedgerSamples.Validated(subject), default);
        var etagBefore = await ETagAsync(subject.RecordId);

        var again = await ledger.RecordAsync(LedgerSamples.Validated(subject, minute: 9), default);

        Assert.Equal(etagBefore, await ETagAsync(subject.RecordId));
        Assert.Equal(["received", "validated"], again.History.Select(h => h.Step));
        Assert.Equal(LedgerSamples.Start.AddMinutes(1), again.UpdatedAt);
        Assert.Contains(_logs.Entries, e => e.Template?.Contains("already recorded", StringComparison.Ordinal) == true && (string?)e["RecordId"] == subject.RecordId);
    }

    [Fact]
    public async Task RecordAsync_MoveTheStateMachineForbids_IsRefusedAndTheRecordStays()
    {
        var subject = LedgerSamples.Subject(LedgerSamples.NewDropId());
        var ledger = Ledger();
        await ledger.RecordAsync(LedgerSamples.Received(subject), default);
        await ledger.RecordAsync(LedgerSamples.Rejected(subject), default);
        var etagBefore = await ETagAsync(subject.RecordId);

        var refused = await ledger.RecordAsync(LedgerSamples.Routed(subject), default);

        Assert.Equal(LedgerState.Rejected, refused.State);
        Assert.Equal(etagBefore, await ETagAsync(subject.RecordId));
        Assert.Equal(LedgerState.Rejected, (await ledger.GetAsync(subject.RecordId, default))!.State);
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("cannot move to Routed", (string?)warning["Problem"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_TwoConflictingTransitionsRace_ExactlyOneWinsAndTheLoserReReads()
    {
        // Rejected and Validated both leave Received, and neither may follow the other: whichever is
        // written first, the other must be refused after re-reading, never written over it. Both
        // writers read the same version before either writes (a barrier), so the race is certain.
        var subject = LedgerSamples.Subject(LedgerSamples.NewDropId());
        await Ledger().RecordAsync(LedgerSamples.Received(subject), default);
        var race = new RacingContainer(server.Ledger, readers: 2);
        var ledger = new CosmosRoutingLedger(race.Object, server.Claims, server.Options, TimeProvider.System, _logs);

        var results = await Task.WhenAll(
            Task.Run(() => ledger.RecordAsync(LedgerSamples.Rejected(subject), default)),
            Task.Run(() => ledger.RecordAsync(LedgerSamples.Validated(subject), default)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], race.ReplaceStatuses.Order());
        Assert.Equal(3, race.Reads);
        var stored = (await Ledger().GetAsync(subject.RecordId, default))!;
        Assert.Equal(2, stored.History.Count);
        Assert.Contains(stored.State, new[] { LedgerState.Rejected, LedgerState.Validated });
        Assert.All(results, r => Assert.Equal(ContractJson.Serialize(stored), ContractJson.Serialize(r)));
        Assert.Contains(_logs.Entries, e => e.Template?.Contains("lost a write race", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task RecordAsync_ConcurrentEscalations_EveryStepLandsWithoutLostUpdates()
    {
        var subject = LedgerSamples.Subject(LedgerSamples.NewDropId());
        var options = CosmosServerFixture.NewOptions(server.Endpoint, server.Options.DatabaseName);
        options.MaxConflictRetries = 10; // 4 writers: the last may lose 3 races before it writes
        var ledger = Ledger(options);
        await ledger.RecordAsync(LedgerSamples.Received(subject), default);
        await ledger.RecordAsync(LedgerSamples.Validated(subject), default);
        await ledger.RecordAsync(LedgerSamples.AwaitingReview(subject), default);

        await Task.WhenAll(Enumerable.Range(1, 4).Select(round => Task.Run(() => ledger.RecordAsync(LedgerSamples.Escalated(subject, round), default))));

        var stored = (await ledger.GetAsync(subject.RecordId, default))!;
        Assert.Equal(LedgerState.AwaitingReview, stored.State);
        Assert.Equal(
            ["escalated-1", "escalated-2", "escalated-3", "escalated-4"],
            stored.History.Skip(3).Select(h => h.Step).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAsync_NoSuchRecord_ReturnsNull()
    {
        // The package answers 500 for a missing item; serve.js answers 404 as Cosmos DB does (the
        // 404 path is also covered with Moq in CosmosRoutingLedgerFailureTests).
        var missing = await Ledger().GetAsync(LedgerSamples.NewDropId() + "-001", default);

        Assert.Null(missing);
    }

    [Fact]
    public async Task ClaimContentAsync_FirstClaim_IsStoredAndReturned()
    {
        var claim = Claim(LedgerSamples.NewDropId());

        var held = await Ledger().ClaimContentAsync(claim, default);

        Assert.Equal(claim, held);
    }

    [Fact]
    public async Task ClaimContentAsync_SecondDropSameContent_GetsTheFirstClaim()
    {
        var first = Claim(LedgerSamples.NewDropId());
        var second = first with { DropId = LedgerSamples.NewDropId("2709"), Source = "port-drops/2709/resent.xml" };
        var ledger = Ledger();

        await ledger.ClaimContentAsync(first, default);
        var held = await ledger.ClaimContentAsync(second, default);
        var again = await ledger.ClaimContentAsync(first, default);

        Assert.Equal(first, held);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task ClaimContentAsync_EightDropsAtOnce_AllGetTheSameSingleClaim()
    {
        var sha = LedgerSamples.NewContentSha256();
        var claims = Enumerable.Range(0, 8).Select(_ => Claim(LedgerSamples.NewDropId(), sha)).ToList();
        var ledger = Ledger();

        var held = await Task.WhenAll(claims.Select(c => Task.Run(() => ledger.ClaimContentAsync(c, default))));

        Assert.Single(held.Distinct());
        Assert.Contains(held[0], claims);
    }

    private static ContentClaim Claim(string dropId, string? sha = null) =>
        new(sha ?? LedgerSamples.NewContentSha256(), dropId, $"port-drops/2704/{dropId}.xml", dropId + "-001", LedgerSamples.Start);

    [Fact]
    public async Task GetDocumentsOfEntryAsync_AnyWrittenForm_ReturnsEveryDocumentOfTheEntryOldestFirst()
    {
        var entry = UniqueEntry();
        var ledger = Ledger();
        var drop = LedgerSamples.NewDropId();
        var invoice = LedgerSamples.Subject(drop, ordinal: 1, entries: [entry]);
        var packingList = LedgerSamples.Subject(drop, ordinal: 2, entries: [entry]);
        var otherEntry = LedgerSamples.Subject(LedgerSamples.NewDropId(), entries: [UniqueEntry()]);
        await ledger.RecordAsync(LedgerSamples.Received(packingList, minute: 5), default);
        await ledger.RecordAsync(LedgerSamples.Received(invoice, minute: 4), default);
        await ledger.RecordAsync(LedgerSamples.Received(otherEntry), default);

        var dashed = await ledger.GetDocumentsOfEntryAsync(entry, default);
        var undashed = await ledger.GetDocumentsOfEntryAsync(entry.Replace("-", string.Empty, StringComparison.Ordinal), default);

        Assert.Equal([invoice.RecordId, packingList.RecordId], dashed.Records.Select(r => r.Id));
        Assert.Equal(dashed.Records.Select(r => r.Id), undashed.Records.Select(r => r.Id));
        Assert.Empty(dashed.UnreadableIds);
        Assert.Null(dashed.ContinuationToken);
    }

    [Fact]
    public async Task GetDocumentsOfEntryAsync_NotAnEntryNumber_Throws()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Ledger().GetDocumentsOfEntryAsync("002-6110316-3", default));

        Assert.Contains("check digit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindBySourceDocumentAsync_SameDocumentIdOnTwoPorts_FindsOnlyThePortAskedOldestFirst()
    {
        // A database of its own: every sample subject names DOC-1.
        await using var database = await server.IsolatedDatabaseAsync();
        var ledger = Ledger(database.Options);
        var older = LedgerSamples.Subject(LedgerSamples.NewDropId());
        var newer = LedgerSamples.Subject(LedgerSamples.NewDropId());
        var otherPort = LedgerSamples.Subject(LedgerSamples.NewDropId("2709")) with { Port = "2709" };
        var otherDocument = LedgerSamples.Subject(LedgerSamples.NewDropId(), ordinal: 2);
        await RecordAllAsync(ledger, LedgerSamples.Received(newer, minute: 5), LedgerSamples.Validated(newer, minute: 6));
        await RecordAllAsync(ledger, LedgerSamples.Received(older), LedgerSamples.Validated(older), LedgerSamples.Routed(older));
        await RecordAllAsync(ledger, LedgerSamples.Received(otherPort), LedgerSamples.Received(otherDocument));

        var found = await ledger.FindBySourceDocumentAsync("2704", "DOC-1", default);
        var none = await ledger.FindBySourceDocumentAsync("2704", "INV-NEVER-SENT", default);

        Assert.Equal([older.RecordId, newer.RecordId], found.Select(r => r.Id));
        Assert.Equal([LedgerState.Routed, LedgerState.Validated], found.Select(r => r.State));
        Assert.Empty(none);
        Assert.Equal([otherPort.RecordId], (await ledger.FindBySourceDocumentAsync("2709", "DOC-1", default)).Select(r => r.Id));
    }

    [Fact]
    public async Task GetCenterQueueAsync_CenterAndState_ReturnsOnlyThoseRecordsPageByPage()
    {
        // A database of its own, so the queue holds exactly what this test wrote.
        await using var database = await server.IsolatedDatabaseAsync();
        var ledger = Ledger(database.Options);
        var electronics = new[] { LedgerSamples.Subject(LedgerSamples.NewDropId()), LedgerSamples.Subject(LedgerSamples.NewDropId()) };
        foreach (var subject in electronics)
        {
            await RecordAllAsync(ledger, LedgerSamples.Received(subject), LedgerSamples.Validated(subject), LedgerSamples.Routed(subject, "CEE007"));
        }

        var steel = LedgerSamples.Subject(LedgerSamples.NewDropId());
        await RecordAllAsync(ledger, LedgerSamples.Received(steel), LedgerSamples.Validated(steel), LedgerSamples.Routed(steel, "CEE005"));
        var waiting = LedgerSamples.Subject(LedgerSamples.NewDropId());
        await RecordAllAsync(ledger, LedgerSamples.Received(waiting), LedgerSamples.Validated(waiting), LedgerSamples.AwaitingReview(waiting));

        var first = await ledger.GetCenterQueueAsync("cee007", LedgerState.Routed, null, 1, default);
        var second = await ledger.GetCenterQueueAsync("CEE007", LedgerState.Routed, first.ContinuationToken, 1, default);
        var reviewQueue = await ledger.GetCenterQueueAsync(null, LedgerState.AwaitingReview, null, 100, default);
        var steelAwaiting = await ledger.GetCenterQueueAsync("CEE005", LedgerState.AwaitingReview, null, 100, default);

        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(
            electronics.Select(s => s.RecordId).Order(StringComparer.Ordinal),
            first.Records.Concat(second.Records).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(first.Records.Concat(second.Records), r => Assert.Equal(("CEE007", LedgerState.Routed), (r.Center, r.State)));
        Assert.Equal(waiting.RecordId, Assert.Single(reviewQueue.Records).Id);
        Assert.Empty(steelAwaiting.Records);
    }

    [Fact]
    public async Task RecordAsync_StoredItem_IsTheContractJsonOfTheRecord()
    {
        var subject = LedgerSamples.Subject(LedgerSamples.NewDropId());
        var ledger = Ledger();
        await RecordAllAsync(ledger, LedgerSamples.Received(subject), LedgerSamples.Validated(subject));
        var routed = await ledger.RecordAsync(LedgerSamples.Routed(subject), default);

        var stored = await RawAsync(server.Ledger, subject.RecordId);
        foreach (var system in new[] { "_rid", "_self", "_etag", "_ts", "_attachments" })
        {
            stored.Remove(system);
        }

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ContractJson.Serialize(routed)), stored), stored.ToJsonString());
        Assert.Equal("Routed", (string?)stored["state"]);
        Assert.Equal("route", (string?)stored["decision"]!["outcome"]);
        Assert.Equal("importer-account", (string?)stored["decision"]!["basis"]);
        Assert.Equal("dis", (string?)stored["subject"]!["dropKind"]);
    }

    [Fact]
    public async Task RecordAsync_EveryCall_LogsItsRequestCharge()
    {
        var subject = LedgerSamples.Subject(LedgerSamples.NewDropId());

        await Ledger().RecordAsync(LedgerSamples.Received(subject), default);

        var charges = _logs.Entries.Where(e => e.Values.ContainsKey("RequestCharge")).ToList();
        Assert.Equal(["read", "create"], charges.Select(e => (string?)e["Operation"]));
        Assert.All(charges, e =>
        {
            Assert.Equal(server.Options.LedgerContainer, e["Container"]);
            Assert.Equal(subject.RecordId, e["ItemId"]);
            Assert.True((double)e["RequestCharge"]! > 0);
            Assert.Contains(" RU", e.Template, StringComparison.Ordinal);
        });
        Assert.Equal([404, 201], charges.Select(e => (int)e["StatusCode"]!));
    }

    private static string UniqueEntry()
    {
        // A valid entry number no other test uses: filer 002, a random 7-digit number, its check digit.
        var digits = Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var check = EntryNumber.ComputeCheckDigit("002" + digits);
        return $"002-{digits}-{check}";
    }

    private static async Task RecordAllAsync(CosmosRoutingLedger ledger, params LedgerTransition[] transitions)
    {
        foreach (var transition in transitions)
        {
            await ledger.RecordAsync(transition, default);
        }
    }

    private async Task<string> ETagAsync(string id)
    {
        using var response = await server.Ledger.ReadItemStreamAsync(id, new PartitionKey(id));
        return response.Headers.ETag;
    }

    internal static async Task<JsonObject> RawAsync(Container container, string id)
    {
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonNode.ParseAsync(response.Content))!.AsObject();
    }

    /// <summary>
    /// The real container, with every writer held after its first read until <c>readers</c> writers
    /// have read: they all hold the same ETag when they write.
    /// </summary>
    private sealed class RacingContainer : Mock<Container>
    {
        private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<HttpStatusCode> _replaceStatuses = [];
        private int _reads;

        public RacingContainer(Container real, int readers)
        {
            Setup(c => c.ReadItemStreamAsync(It.IsAny<string>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
                .Returns(async (string id, PartitionKey key, ItemRequestOptions options, CancellationToken ct) =>
                {
                    var response = await real.ReadItemStreamAsync(id, key, options, ct);
                    var read = Interlocked.Increment(ref _reads);
                    if (read == readers)
                    {
                        _allRead.SetResult();
                    }

                    if (read <= readers)
                    {
                        await _allRead.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
                    }

                    return response;
                });
            Setup(c => c.ReplaceItemStreamAsync(It.IsAny<Stream>(), It.IsAny<string>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
                .Returns(async (Stream body, string id, PartitionKey key, ItemRequestOptions options, CancellationToken ct) =>
                {
                    var response = await real.ReplaceItemStreamAsync(body, id, key, options, ct);
                    lock (_replaceStatuses)
                    {
                        _replaceStatuses.Add(response.StatusCode);
                    }

                    return response;
                });
        }

        public int Reads => Volatile.Read(ref _reads);

        public IReadOnlyList<HttpStatusCode> ReplaceStatuses
        {
            get
            {
                lock (_replaceStatuses)
                {
                    return [.. _replaceStatuses];
                }
            }
        }
    }
}
