using Cee.Cli.Local;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;

namespace Cee.Cli.Tests.Local;

public class JsonLinesLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);

    private static LedgerSubject Subject(string source, string sha)
    {
        var drop = DropReference.For(source, sha);
        var document = new IntakeDocument(DropIds.DocumentId(drop.DropId, 1), "INV-1", "Commercial Invoice", DocumentKind.EntrySummary,
            "invoice.pdf", "pdf", "pdf", 1024, new string('a', 64), null);
        return new LedgerSubject(drop.DropId, source, sha, DropKind.Dis, document, "2704", "002", ["002-6110316-2"], "12-345678900", null);
    }

    private static LedgerTransition Move(LedgerSubject subject, string step, LedgerState state, int second) =>
        new(subject.RecordId, step, state, T0.AddSeconds(second), step, subject.DropId, step == "received" ? subject : null);

    [Fact]
    public async Task OpenAsync_ExistingFile_ReplaysRecords()
    {
        using var dir = new TempDirectory();
        var subject = Subject("2704/entry.xml", "sha-1");
        await using (var ledger = await JsonLinesLedger.OpenAsync(dir.Path, CancellationToken.None))
        {
            await ledger.RecordAsync(Move(subject, "received", LedgerState.Received, 0), CancellationToken.None);
            await ledger.RecordAsync(Move(subject, "validated", LedgerState.Validated, 1), CancellationToken.None);
        }

        await using var reopened = await JsonLinesLedger.OpenAsync(dir.Path, CancellationToken.None);
        var record = await reopened.GetAsync(subject.RecordId, CancellationToken.None);

        Assert.NotNull(record);
        Assert.Equal(LedgerState.Validated, record.State);
        Assert.Equal(["received", "validated"], record.History.Select(h => h.Step));
    }

    [Fact]
    public async Task RecordAsync_StepAlreadyApplied_WritesNoLine()
    {
        using var dir = new TempDirectory();
        var subject = Subject("2704/entry.xml", "sha-1");
        await using (var ledger = await JsonLinesLedger.OpenAsync(dir.Path, CancellationToken.None))
        {
            await ledger.RecordAsync(Move(subject, "received", LedgerState.Received, 0), CancellationToken.None);
            await ledger.RecordAsync(Move(subject, "received", LedgerState.Received, 5), CancellationToken.None);
            // Refused: Received cannot jump to Routed.
            await ledger.RecordAsync(Move(subject, "routed", LedgerState.Routed, 6), CancellationToken.None);
        }

        Assert.Single(await File.ReadAllLinesAsync(dir.Combine(JsonLinesLedger.FileName)));
    }

    [Fact]
    public async Task ClaimContentAsync_SecondDropSameContent_GetsTheFirstClaimAfterReopen()
    {
        using var dir = new TempDirectory();
        var first = new ContentClaim("sha-1", "d-first", "2704/entry.xml", "d-first-001", T0);
        var second = first with { DropId = "d-second", Source = "2709/entry-again.xml", RecordId = "d-second-001" };
        await using (var ledger = await JsonLinesLedger.OpenAsync(dir.Path, CancellationToken.None))
        {
            Assert.Equal(first, await ledger.ClaimContentAsync(first, CancellationToken.None));
            Assert.Equal(first, await ledger.ClaimContentAsync(second, CancellationToken.None));
        }

        await using var reopened = await JsonLinesLedger.OpenAsync(dir.Path, CancellationToken.None);

        Assert.Equal(first, await reopened.ClaimContentAsync(second, CancellationToken.None));
        Assert.Single(await File.ReadAllLinesAsync(dir.Combine(JsonLinesLedger.ClaimsFileName)));
    }

    [Fact]
    public async Task OpenAsync_CorruptLine_FailsNamingTheLine()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine(JsonLinesLedger.FileName), "{ not json\n");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => JsonLinesLedger.OpenAsync(dir.Path, CancellationToken.None));

        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }
}
