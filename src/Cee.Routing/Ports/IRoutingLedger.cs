using Cee.Routing.Ledger;

namespace Cee.Routing.Ports;

/// <summary>Where every document is and why: the routing ledger.</summary>
public interface IRoutingLedger
{
    /// <summary>The record, or null when none exists.</summary>
    Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken);

    /// <summary>
    /// A record of another drop with the same content (<see cref="LedgerSubject.DropSha256"/>) that was
    /// routed or is awaiting review, or null. Rejected and duplicate records do not count.
    /// </summary>
    Task<LedgerRecord?> FindOriginalAsync(string dropSha256, string excludingDropId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a transition with <see cref="LedgerRecord.ApplyOrCreate"/> semantics: a step already
    /// applied is a no-op, a forbidden move leaves the record unchanged. Writes are conditional: when
    /// two transitions race, one wins and the other re-reads and re-applies. Returns the record as stored.
    /// </summary>
    Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken);
}
