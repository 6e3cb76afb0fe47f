namespace Cee.Routing.Ledger;

/// <summary>The record after a transition was offered to it, and what happened.</summary>
public sealed record LedgerApplyResult(LedgerApplyOutcome Outcome, LedgerRecord Record, string? Problem = null);
