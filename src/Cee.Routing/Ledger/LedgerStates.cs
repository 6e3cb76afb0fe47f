namespace Cee.Routing.Ledger;

/// <summary>Which state may follow which: the one rule every ledger adapter applies.</summary>
public static class LedgerStates
{
    /// <summary>Rejected, Routed and Duplicate end a document's life in the pipeline.</summary>
    public static bool IsTerminal(this LedgerState state) =>
        state is LedgerState.Rejected or LedgerState.Routed or LedgerState.Duplicate;

    /// <summary>
    /// Received → Rejected | Validated | Duplicate; Validated → AwaitingReview | Routed;
    /// AwaitingReview → AwaitingReview (an escalation) | Routed. Nothing leaves a terminal state.
    /// </summary>
    public static bool CanMove(LedgerState? from, LedgerState to) => from switch
    {
        null => to == LedgerState.Received,
        LedgerState.Received => to is LedgerState.Rejected or LedgerState.Validated or LedgerState.Duplicate,
        LedgerState.Validated => to is LedgerState.AwaitingReview or LedgerState.Routed,
        LedgerState.AwaitingReview => to is LedgerState.AwaitingReview or LedgerState.Routed,
        _ => false,
    };
}
