using Cee.Cli.Ledger;
using Cee.Cli.Local.Output;
using Cee.Cli.Tests.Support;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Microsoft.Data.Sqlite;

namespace Cee.Cli.Tests.Ledger;

public sealed class SqliteRoutingLedgerTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();

    private string LedgerPath => _dir.Combine(SqliteRoutingLedger.FileName);

    public void Dispose() => _dir.Dispose();

    private static LedgerSubject Subject(string source, string sha, string entry = "002-6110316-2", string? sourceDocumentId = "INV-1")
    {
        var drop = DropReference.For(source, sha);
        var document = new IntakeDocument(DropIds.DocumentId(drop.DropId, 1), sourceDocumentId, "Commercial Invoice", DocumentKind.EntrySummary,
            "invoice.pdf", "pdf", "pdf", 1024, new string('a', 64), "documents/x.pdf");
        return new LedgerSubject(drop.DropId, source, sha, DropKind.Dis, document, "2704", "002", [entry], "12-345678900", null);
    }

    private static LedgerTransition Move(LedgerSubject subject, string step, LedgerState state, int second, Routing.Policy.RoutingDecision? decision = null) =>
        new(subject.RecordId, step, state, T0.AddSeconds(second), step, subject.DropId, step == "received" ? subject : null, decision);

    [Fact]
    public async Task Open_ExistingLedger_ReadsRecordsAndHistoryBack()
    {
        var subject = Subject("2704/entry.xml", "sha-1");
        using (var ledger = SqliteRoutingLedger.Open(LedgerPath))
        {
            await ledger.RecordAsync(Move(subject, "received", LedgerState.Received, 0), CancellationToken.None);
            await ledger.RecordAsync(Move(subject, "validated", LedgerState.Validated, 1), CancellationToken.None);
        }

        using var reopened = SqliteRoutingLedger.Open(LedgerPath);
        var record = await reopened.GetAsync(subject.RecordId, CancellationToken.None);

        Assert.NotNull(record);
        Assert.Equal(LedgerState.Validated, record.State);
        Assert.Equal(["received", "validated"], record.History.Select(h => h.Step));
        Assert.Equal(T0.AddSeconds(1), record.UpdatedAt);
    }

    [Fact]
    public async Task FindBySourceDocumentAsync_SameDocumentIdOnTwoPorts_FindsThePortAskedBeforeAndAfterTheCommit()
    {
        var lax = Subject("2704/entry.xml", "sha-1");
        var lgb = Subject("2709/entry.xml", "sha-2") with { Port = "2709" };
        var other = Subject("2704/other.xml", "sha-3", sourceDocumentId: "INV-2");
        using (var ledger = SqliteRoutingLedger.Open(LedgerPath))
        {
            foreach (var subject in new[] { lax, lgb, other })
            {
                await ledger.RecordAsync(Move(subject, "received", LedgerState.Received, 0), CancellationToken.None);
            }

            await ledger.RecordAsync(Move(lax, "validated", LedgerState.Validated, 1), CancellationToken.None);

            // In the writer's open transaction: the lookup sees the calls made before it.
            var found = Assert.Single(await ledger.FindBySourceDocumentAsync("2704", "INV-1", CancellationToken.None));
            Assert.Equal((lax.RecordId, LedgerState.Validated), (found.Id, found.State));
        }

        using var reopened = SqliteRoutingLedger.Open(LedgerPath);
        Assert.Equal([lgb.RecordId], (await reopened.FindBySourceDocumentAsync("2709", "INV-1", CancellationToken.None)).Select(r => r.Id));
        Assert.Empty(await reopened.FindBySourceDocumentAsync("2704", "INV-9", CancellationToken.None));
    }

    [Fact]
    public async Task Open_LedgerAtSchemaOne_MigratesAndFindsItsRecordsByPortAndDocument()
    {
        var subject = Subject("2704/entry.xml", "sha-1");
        using (var ledger = SqliteRoutingLedger.Open(LedgerPath))
        {
            await ledger.RecordAsync(Move(subject, "received", LedgerState.Received, 0), CancellationToken.None);
        }

        // Back to what a cee of schema 1 wrote: no port column, no index on it.
        using (var connection = new SqliteConnection($"Data Source={LedgerPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP INDEX records_by_port_source_document; ALTER TABLE records DROP COLUMN port; PRAGMA user_version = 1;";
            command.ExecuteNonQuery();
        }

        using var migrated = SqliteRoutingLedger.Open(LedgerPath);
        Assert.Equal([subject.RecordId], (await migrated.FindBySourceDocumentAsync("2704", "INV-1", CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task RecordAsync_StepAlreadyAppliedOrRefused_WritesNoTransition()
    {
        var subject = Subject("2704/entry.xml", "sha-1");
        using (var ledger = SqliteRoutingLedger.Open(LedgerPath))
        {
            await ledger.RecordAsync(Move(subject, "received", LedgerState.Received, 0), CancellationToken.None);
            await ledger.RecordAsync(Move(subject, "received", LedgerState.Received, 5), CancellationToken.None);
            // Refused: Received cannot jump to Routed.
            var refused = await ledger.RecordAsync(Move(subject, "routed", LedgerState.Routed, 6), CancellationToken.None);
            Assert.Equal(LedgerState.Received, refused.State);
        }

        using var reader = SqliteRoutingLedger.OpenReader(LedgerPath);
        var transition = Assert.Single(reader.TransitionsOf(subject.RecordId));
        Assert.Equal(T0, transition.At);
    }

    [Fact]
    public async Task ClaimContentAsync_SecondDropSameContent_GetsTheFirstClaimAfterReopen()
    {
        var first = new ContentClaim("abc123", "d1", "2704/a.xml", "d1-001", T0);
        var second = new ContentClaim("abc123", "d2", "2704/b.xml", "d2-001", T0.AddSeconds(1));
        using (var ledger = SqliteRoutingLedger.Open(LedgerPath))
        {
            Assert.Equal(first, await ledger.ClaimContentAsync(first, CancellationToken.None));
        }

        using var reopened = SqliteRoutingLedger.Open(LedgerPath);

        Assert.Equal(first, await reopened.ClaimContentAsync(second, CancellationToken.None));
        Assert.Equal(first, await reopened.ClaimContentAsync(first, CancellationToken.None));
    }

    [Fact]
    public async Task FlushAsync_CommitRefused_LeavesNeitherTheRecordNorItsTransitionAndFailsEveryLaterCall()
    {
        var subject = Subject("2704/entry.xml", "sha-1");
        var ledger = SqliteRoutingLedger.Open(LedgerPath, new DiskFullFaults(OutputWriteKind.LedgerTransition, 2));
        await ledger.RecordAsync(Move(subject, "received", LedgerState.Received, 0), CancellationToken.None);
        await ledger.FlushAsync();
        await ledger.RecordAsync(Move(subject, "validated", LedgerState.Validated, 1), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<OutputWriteException>(ledger.FlushAsync);
        await Assert.ThrowsAsync<OutputWriteException>(() => ledger.RecordAsync(Move(subject, "routed", LedgerState.Routed, 2), CancellationToken.None));
        Assert.Throws<OutputWriteException>(ledger.Dispose);

        Assert.Contains(DiskFullFaults.Message, failure.Message, StringComparison.Ordinal);
        using var reader = SqliteRoutingLedger.OpenReader(LedgerPath);
        var record = Assert.Single(reader.Find(LedgerFilter.All));
        Assert.Equal(LedgerState.Received, record.State);
        Assert.Equal(["received"], reader.TransitionsOf(subject.RecordId).Select(t => t.Step));
    }

    [Fact]
    public async Task Dispose_LastCommitRefused_SaysSoAndLeavesNoClaim()
    {
        var ledger = SqliteRoutingLedger.Open(LedgerPath, new DiskFullFaults(OutputWriteKind.LedgerClaim, 1));
        await ledger.ClaimContentAsync(new ContentClaim("abc", "d1", "a", "d1-001", T0), CancellationToken.None);

        Assert.Throws<OutputWriteException>(ledger.Dispose);

        using var reader = SqliteRoutingLedger.OpenReader(LedgerPath);
        Assert.Empty(reader.Claims());
    }

    [Fact]
    public async Task RecordAsync_ManyDropsAtOnce_EveryCallIsCommittedInOrderByTheClose()
    {
        var subjects = Enumerable.Range(0, 300).Select(i => Subject($"2704/entry-{i:000}.xml", $"sha-{i}")).ToList();
        using (var ledger = SqliteRoutingLedger.Open(LedgerPath))
        {
            await Task.WhenAll(subjects.Select(async s =>
            {
                await ledger.RecordAsync(Move(s, "received", LedgerState.Received, 0), CancellationToken.None);
                await ledger.RecordAsync(Move(s, "validated", LedgerState.Validated, 1), CancellationToken.None);
            }));
        }

        using var reader = SqliteRoutingLedger.OpenReader(LedgerPath);
        var records = reader.Find(LedgerFilter.All);
        Assert.Equal(300, records.Count);
        Assert.All(records, r => Assert.Equal(["received", "validated"], reader.TransitionsOf(r.Id).Select(t => t.Step)));
    }

    [Fact]
    public async Task Find_ByStateCenterEntryAndDocument_SelectsThroughTheIndexedColumns()
    {
        var routed = Subject("2704/a.xml", "sha-a", "002-6110316-2", "INV-A");
        var waiting = Subject("2704/b.xml", "sha-b", "002-6110317-0", "INV-B");
        var decision = new Routing.Policy.RoutingDecision(
            Routing.Policy.DecisionOutcome.Route, "CEE007", Routing.Policy.RoutingBasis.HtsPredominance, "htsus-rules", ["by HTSUS"], [], [], []);
        using (var ledger = SqliteRoutingLedger.Open(LedgerPath))
        {
            foreach (var subject in new[] { routed, waiting })
            {
                await ledger.RecordAsync(Move(subject, "received", LedgerState.Received, 0), CancellationToken.None);
                await ledger.RecordAsync(Move(subject, "validated", LedgerState.Validated, 1), CancellationToken.None);
            }

            await ledger.RecordAsync(Move(routed, "routed", LedgerState.Routed, 2, decision), CancellationToken.None);
            await ledger.RecordAsync(Move(waiting, "awaiting-review", LedgerState.AwaitingReview, 2), CancellationToken.None);
        }

        using var reader = SqliteRoutingLedger.OpenReader(LedgerPath);

        Assert.Equal([routed.RecordId, waiting.RecordId], reader.Find(LedgerFilter.All).Select(r => r.Id));
        Assert.Equal(routed.RecordId, Assert.Single(reader.Find(new LedgerFilter(State: LedgerState.Routed))).Id);
        Assert.Equal(routed.RecordId, Assert.Single(reader.Find(new LedgerFilter(Center: "CEE007"))).Id);
        Assert.Equal(waiting.RecordId, Assert.Single(reader.Find(new LedgerFilter(Entry: "002-6110317-0"))).Id);
        Assert.Equal(waiting.RecordId, Assert.Single(reader.Find(new LedgerFilter(Document: "INV-B"))).Id);
        Assert.Equal(routed.RecordId, Assert.Single(reader.Find(new LedgerFilter(Document: routed.DropId))).Id);
        Assert.Empty(reader.Find(new LedgerFilter(State: LedgerState.Routed, Entry: "002-6110317-0")));
    }

    [Fact]
    public async Task OpenReader_WhileAWriterHoldsTheLedger_ReadsTheLastCommit()
    {
        var subject = Subject("2704/entry.xml", "sha-1");
        using var writer = SqliteRoutingLedger.Open(LedgerPath);
        await writer.RecordAsync(Move(subject, "received", LedgerState.Received, 0), CancellationToken.None);
        await writer.FlushAsync();

        using (var reader = SqliteRoutingLedger.OpenReader(LedgerPath))
        {
            Assert.Equal(LedgerState.Received, Assert.Single(reader.Find(LedgerFilter.All)).State);
        }

        await writer.RecordAsync(Move(subject, "validated", LedgerState.Validated, 1), CancellationToken.None);
        await writer.FlushAsync();
        using var later = SqliteRoutingLedger.OpenReader(LedgerPath);
        Assert.Equal(LedgerState.Validated, Assert.Single(later.Find(LedgerFilter.All)).State);
    }

    [Fact]
    public void Open_FileThatIsNotALedger_SaysSo()
    {
        File.WriteAllText(LedgerPath, "{\"recordId\":\"d1-001\",\"step\":\"recei");

        var failure = Assert.Throws<LedgerFormatException>(() => SqliteRoutingLedger.Open(LedgerPath));

        Assert.Contains("is not a cee ledger", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OtherSqliteDatabase_SaysItIsNotALedger()
    {
        using (var connection = new SqliteConnection($"Data Source={LedgerPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT);";
            command.ExecuteNonQuery();
        }

        Assert.Throws<LedgerFormatException>(() => SqliteRoutingLedger.Open(LedgerPath));
    }

    [Fact]
    public void Open_LedgerOfANewerCee_RefusesRatherThanGuess()
    {
        using (SqliteRoutingLedger.Open(LedgerPath))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={LedgerPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var failure = Assert.Throws<LedgerFormatException>(() => SqliteRoutingLedger.Open(LedgerPath));
        Assert.Contains("newer cee", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NewLedger_IsInWalModeAtTheCurrentSchema()
    {
        using (SqliteRoutingLedger.Open(LedgerPath))
        {
        }

        using var connection = new SqliteConnection($"Data Source={LedgerPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "PRAGMA user_version;";
        Assert.Equal(2L, command.ExecuteScalar());
    }
}
