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
}
