using Cee.Routing.Ledger;

namespace Cee.Routing.Ports;

/// <summary>Where every document is and why: the routing ledger.</summary>
public interface IRoutingLedger
{
    /// <summary>The record, or null when none exists.</summary>
    Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the drop's content for <see cref="ContentClaim.DropId"/>, first writer wins, atomically:
    /// returns <paramref name="claim"/> when it was stored (or this drop already held the claim), else
    /// the claim another drop holds. Rejected drops never claim, so content that was rejected can come
    /// again and be routed.
    /// </summary>
    Task<ContentClaim> ClaimContentAsync(ContentClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Records a transition with <see cref="LedgerRecord.ApplyOrCreate"/> semantics: a step already
    /// applied is a no-op, a forbidden move leaves the record unchanged. Writes are conditional: when
    /// two transitions race, one wins and the other re-reads and re-applies. Returns the record as stored.
    /// </summary>
    Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken);

    /// <summary>
    /// The records of documents submitted to <paramref name="port"/> whose DIS DocumentID (as stored,
    /// masked: <see cref="Intake.IntakeDocument.SourceDocumentId"/>) is <paramref name="sourceDocumentId"/>,
    /// exactly; oldest first (by their first step, then id). Empty when there is none. A withdrawal finds
    /// what it names with it.
    /// </summary>
    Task<IReadOnlyList<LedgerRecord>> FindBySourceDocumentAsync(string port, string sourceDocumentId, CancellationToken cancellationToken);
}
