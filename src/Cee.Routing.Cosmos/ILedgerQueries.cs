using Cee.Routing.Ledger;

namespace Cee.Routing.Cosmos;

/// <summary>
/// The ledger questions the HTTP API asks beyond what the routing workflow needs
/// (<see cref="Cee.Routing.Ports.IRoutingLedger"/>): "what came in for this entry?" and "what is
/// in this Center's queue?".
/// </summary>
public interface ILedgerQueries
{
    /// <summary>Every record whose drop names <paramref name="entryNumber"/> (any written form), oldest first.</summary>
    /// <exception cref="ArgumentException">Not an entry number.</exception>
    Task<LedgerPage> GetDocumentsOfEntryAsync(string entryNumber, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the records in <paramref name="state"/> with Center <paramref name="center"/>.
    /// Only Routed records have a Center: pass null for the records that have none, e.g. the review
    /// queue is <c>(null, AwaitingReview)</c>. Records are ordered within a page; pages follow the
    /// store's order.
    /// </summary>
    /// <param name="center">A Center ID (<c>CEE001</c>…<c>CEE010</c>) or null.</param>
    /// <param name="state">The state.</param>
    /// <param name="continuationToken">From the previous page, or null for the first.</param>
    /// <param name="maxItems">At most this many records (1 to 1000).</param>
    /// <exception cref="ArgumentException">Not a Center ID, or <paramref name="maxItems"/> out of range.</exception>
    Task<LedgerPage> GetCenterQueueAsync(string? center, LedgerState state, string? continuationToken, int maxItems, CancellationToken cancellationToken);

    /// <summary>Every record of drops from <paramref name="source"/> (e.g. <c>port-drops/2704/x.pdf</c>), whatever their content version, oldest first.</summary>
    Task<LedgerPage> GetRecordsOfSourceAsync(string source, CancellationToken cancellationToken);
}
