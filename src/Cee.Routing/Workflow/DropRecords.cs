using Cee.Routing.Drops;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;

namespace Cee.Routing.Workflow;

/// <summary>
/// A drop's ledger records found from its id alone, before anything is read: its documents are
/// <c>{dropId}-001</c>, <c>-002</c>… (<see cref="DropIds.DocumentId"/>), or the drop's own record when
/// it had none. A run records <c>received</c> on all of a drop's records before it moves any of them,
/// so when every record found is settled, none is missing.
/// </summary>
public static class DropRecords
{
    /// <summary>The drop's records in ordinal order; empty when the ledger has none.</summary>
    public static async Task<IReadOnlyList<LedgerRecord>> ReadAsync(IRoutingLedger ledger, string dropId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrEmpty(dropId);
        var records = new List<LedgerRecord>();
        for (var ordinal = 1; await ledger.GetAsync(DropIds.DocumentId(dropId, ordinal), cancellationToken) is { } record; ordinal++)
        {
            records.Add(record);
        }

        if (records.Count == 0 && await ledger.GetAsync(dropId, cancellationToken) is { } dropRecord)
        {
            records.Add(dropRecord);
        }

        return records;
    }

    /// <summary>
    /// The routing workflow is done with every record (terminal, or routed once): a repeat delivery of
    /// the drop starts nothing and rewrites nothing. Failed records count as settled here: only the
    /// reconciler's re-drive, with its bounded attempts, runs them again.
    /// </summary>
    public static bool AreSettled(IReadOnlyList<LedgerRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Count > 0 && records.All(r => r.State.IsTerminal() || r.WasRouted);
    }

    /// <summary>
    /// The runs a new run of the same source supersedes: of <paramref name="ofSource"/> (every record of
    /// the source), the drops other than <paramref name="dropId"/> that began before it (all of them
    /// when it has no record yet) and still have a record that is neither final nor routed.
    /// </summary>
    public static IReadOnlyList<string> EarlierUnrouted(IReadOnlyList<LedgerRecord> ofSource, string dropId)
    {
        ArgumentNullException.ThrowIfNull(ofSource);
        ArgumentException.ThrowIfNullOrEmpty(dropId);
        var began = ofSource.Where(r => string.Equals(r.Subject.DropId, dropId, StringComparison.Ordinal))
            .Select(r => r.History[0].At).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        return [.. ofSource
            .Where(r => !string.Equals(r.Subject.DropId, dropId, StringComparison.Ordinal) && r.History[0].At < began)
            .Where(IsOpen)
            .Select(r => r.Subject.DropId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>A record a run may still decide: Received, Validated, AwaitingReview or Failed, never routed.</summary>
    public static bool IsOpen(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.State is LedgerState.Received or LedgerState.Validated or LedgerState.AwaitingReview or LedgerState.Failed && !record.WasRouted;
    }
}
