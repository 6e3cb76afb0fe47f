using Cee.Routing.Intake;
using Cee.Routing.Ledger;

namespace Cee.Routing.Workflow;

/// <summary>What a DocumentWithdrawal does: withdraw <paramref name="Targets"/>, or nothing, for <paramref name="Refusal"/>.</summary>
/// <param name="Targets">The records to withdraw (those a Center holds, or that this very withdrawal already withdrew); empty when refused.</param>
/// <param name="Refusal">Why nothing is withdrawn (a <c>withdrawal.*</c> error), or null.</param>
public sealed record WithdrawalDecision(IReadOnlyList<LedgerRecord> Targets, Finding? Refusal);
