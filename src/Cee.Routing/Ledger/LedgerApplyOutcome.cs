namespace Cee.Routing.Ledger;

/// <summary>What applying a transition to a record did.</summary>
public enum LedgerApplyOutcome
{
    /// <summary>The transition was applied; the adapter writes the new record (ETag-conditionally).</summary>
    Applied,

    /// <summary>The record's history already holds this step: nothing to write.</summary>
    AlreadyApplied,

    /// <summary>The record's current state does not allow the move (e.g. a racing transition won): nothing to write; the caller re-reads and re-decides.</summary>
    Refused,
}
