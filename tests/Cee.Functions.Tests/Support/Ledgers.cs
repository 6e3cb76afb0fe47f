using Cee.Routing.Intake;
using Cee.Routing.Ledger;

namespace Cee.Functions.Tests.Support;

internal static class Ledgers
{
    public static LedgerRecord Record(string id, LedgerState state, string dropId = "d0123456789abcdef0123456789abcdef") =>
        new(id, LedgerRecord.CurrentSchemaVersion,
            new LedgerSubject(dropId, "port-drops/2704/x.xml", "sha", DropKind.Dis, null, "2704", "002", [], null, null),
            state, null, null, null, null,
            [new LedgerHistoryEntry("received", LedgerState.Received, DateTimeOffset.UnixEpoch, "received", dropId)],
            DateTimeOffset.UnixEpoch);

    /// <summary><paramref name="record"/> for its document, a PDF stored in the documents container (as intake stores it).</summary>
    public static LedgerRecord Stored(LedgerRecord record) => record with
    {
        Subject = record.Subject with
        {
            Document = new IntakeDocument(record.Id, "INV-1", "Entry Summary", DocumentKind.EntrySummary, "invoice.pdf", "pdf", "pdf", 2048,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", $"https://ceedata.blob.core.windows.net/documents/{record.Id}.pdf"),
        },
    };
}
