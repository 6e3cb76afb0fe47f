using Cee.Cli.Ledger;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;

namespace Cee.Cli.Local;

/// <summary>
/// The local ledger for a verb that acts on what it records (<c>cee inbox</c>): each transition is
/// committed before the call returns, so a transfer is durable before its message is written, as
/// <see cref="Cee.Routing.Inbox.CenterActions"/> relies on. <c>cee route</c> keeps group commit.
/// </summary>
public sealed class FlushingLedger(SqliteRoutingLedger ledger) : IRoutingLedger
{
    public Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken) => ledger.GetAsync(recordId, cancellationToken);

    public Task<ContentClaim> ClaimContentAsync(ContentClaim claim, CancellationToken cancellationToken) => ledger.ClaimContentAsync(claim, cancellationToken);

    public Task<IReadOnlyList<LedgerRecord>> FindBySourceDocumentAsync(string port, string sourceDocumentId, CancellationToken cancellationToken) =>
        ledger.FindBySourceDocumentAsync(port, sourceDocumentId, cancellationToken);

    public async Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken)
    {
        var record = await ledger.RecordAsync(transition, cancellationToken);
        await ledger.FlushAsync();
        return record;
    }
}
