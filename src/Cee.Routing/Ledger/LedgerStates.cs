namespace Cee.Routing.Ledger;

/// <summary>Which state may follow which: the one rule every ledger adapter applies (through <see cref="LedgerRecord.Apply"/>).</summary>
public static class LedgerStates
{
    /// <summary>
    /// The routing workflow is done with the document: a run over its drop publishes nothing more for
    /// it. Routed and what follows it (Delivered, Transferred, Withdrawn), Rejected, Duplicate,
    /// Superseded, and Failed (a run that ended; only a re-drive, which resumes the record first, goes on).
    /// </summary>
    public static bool IsTerminal(this LedgerState state) =>
        state is LedgerState.Rejected or LedgerState.Routed or LedgerState.Duplicate
            or LedgerState.Delivered or LedgerState.Transferred or LedgerState.Withdrawn
            or LedgerState.Failed or LedgerState.Superseded;

    /// <summary>Nothing can ever follow: Rejected, Duplicate, Withdrawn, Superseded.</summary>
    public static bool IsFinal(this LedgerState state) =>
        state is LedgerState.Rejected or LedgerState.Duplicate or LedgerState.Withdrawn or LedgerState.Superseded;

    /// <summary>The document reached a Center: Routed, Delivered or Transferred (its Center is the record's <c>center</c>).</summary>
    public static bool IsWithCenter(this LedgerState state) =>
        state is LedgerState.Routed or LedgerState.Delivered or LedgerState.Transferred;

    /// <summary>
    /// The routing workflow: Received → Rejected | Validated | Duplicate; Validated → Validated (the
    /// publish intent) | AwaitingReview | Routed; AwaitingReview → AwaitingReview (an escalation, the
    /// publish intent) | Routed.
    /// <para>
    /// At the Center: Routed → Delivered | Transferred; Delivered → Transferred; Transferred →
    /// Delivered (the new Center's receipt) | Transferred (again) | AwaitingReview (transferred too often);
    /// AwaitingReview → Transferred (a reviewer's decision on a document transferred too often).
    /// </para>
    /// <para>
    /// Ending a run: Received, Validated and AwaitingReview → Failed (retries exhausted) | Superseded
    /// (a later run replaced it). Failed → Received | Validated | AwaitingReview: a re-drive resumes
    /// the state it failed in, or → Superseded. Withdrawn follows any state that is not final.
    /// Rejected, Duplicate, Withdrawn and Superseded are final.
    /// </para>
    /// </summary>
    public static bool CanMove(LedgerState? from, LedgerState to)
    {
        if (from is { } current && to == LedgerState.Withdrawn)
        {
            return !current.IsFinal();
        }

        return from switch
        {
            null => to == LedgerState.Received,
            LedgerState.Received => to is LedgerState.Rejected or LedgerState.Validated or LedgerState.Duplicate or LedgerState.Failed or LedgerState.Superseded,
            // Validated → Validated: the publish intent (docs/adr/0015), a step that notes, not moves.
            LedgerState.Validated => to is LedgerState.Validated or LedgerState.AwaitingReview or LedgerState.Routed or LedgerState.Failed or LedgerState.Superseded,
            LedgerState.AwaitingReview => to is LedgerState.AwaitingReview or LedgerState.Routed or LedgerState.Transferred or LedgerState.Failed or LedgerState.Superseded,
            LedgerState.Routed => to is LedgerState.Delivered or LedgerState.Transferred,
            LedgerState.Delivered => to is LedgerState.Transferred,
            LedgerState.Transferred => to is LedgerState.Delivered or LedgerState.Transferred or LedgerState.AwaitingReview,
            LedgerState.Failed => to is LedgerState.Received or LedgerState.Validated or LedgerState.AwaitingReview or LedgerState.Superseded,
            _ => false,
        };
    }
}
