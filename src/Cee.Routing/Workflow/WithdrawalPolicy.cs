using System.Globalization;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;

namespace Cee.Routing.Workflow;

/// <summary>
/// Which records a DocumentWithdrawal withdraws, from the records the ledger holds for its
/// (port, DocumentID): pure, so the workflow's only choice is tested without any port.
/// <para>
/// Only a document a Center holds (Routed, Delivered, Transferred) is withdrawn. A document still
/// being decided (Received, Validated, Failed) or waiting for a person (AwaitingReview) is refused:
/// its run may still publish it, and a withdrawal must never race that publish; the filer withdraws it
/// once its DocumentReviewResponse says where it went. A record this same withdrawal already withdrew
/// (a rerun after a crash) is withdrawn again, idempotently; one another withdrawal withdrew is refused.
/// </para>
/// </summary>
public static class WithdrawalPolicy
{
    /// <summary>The ledger step that withdraws a record; its correlation id is the withdrawal drop's.</summary>
    public const string Step = "withdrawn";

    public static WithdrawalDecision Decide(IntakeResult withdrawal, IReadOnlyList<LedgerRecord> found)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        ArgumentNullException.ThrowIfNull(found);
        var request = withdrawal.Withdrawal ?? throw new ArgumentException("The drop is not a DocumentWithdrawal.", nameof(withdrawal));
        var named = Describe(request.DocumentId, withdrawal);

        // The trade transaction narrows the search when it names entries: the document must be linked to one of them.
        var matches = found
            .Where(r => r.Subject.Document is not null)
            .Where(r => withdrawal.Entries.Count == 0 || r.Subject.Entries.Intersect(withdrawal.Entries, StringComparer.Ordinal).Any())
            .ToList();
        var targets = matches
            .Where(r => r.State.IsWithCenter() || (r.State == LedgerState.Withdrawn && WithdrawnBy(r) == withdrawal.DropId))
            .ToList();
        if (targets.Count > 0)
        {
            return new WithdrawalDecision(targets, null);
        }

        if (matches.Count == 0)
        {
            return Refuse(FindingCodes.WithdrawalUnknownDocument, $"no document {named} was submitted: there is nothing to withdraw");
        }

        if (matches.FirstOrDefault(r => r.State == LedgerState.Withdrawn) is { } withdrawn)
        {
            var by = withdrawn.History.Last(h => h.Step == Step);
            return Refuse(FindingCodes.WithdrawalAlreadyWithdrawn, string.Create(CultureInfo.InvariantCulture,
                $"document {named} ({withdrawn.Id}) was already withdrawn by drop {by.CorrelationId} at {by.At:u}"));
        }

        var states = string.Join(", ", matches.Select(r => $"{r.Id} is {r.State}"));
        return Refuse(FindingCodes.WithdrawalNotWithCenter,
            $"document {named} is with no Center ({states}): only a document routed to its Center can be withdrawn; one waiting for a person can be withdrawn once its review has routed it");
    }

    /// <summary>The withdrawal drop that withdrew <paramref name="record"/>, or null when none did.</summary>
    public static string? WithdrawnBy(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.History.LastOrDefault(h => h.Step == Step)?.CorrelationId;
    }

    private static string Describe(string? documentId, IntakeResult withdrawal) =>
        $"{documentId} on port {withdrawal.Port}{(withdrawal.Entries.Count == 0 ? string.Empty : " for entry " + string.Join(", ", withdrawal.Entries))}";

    private static WithdrawalDecision Refuse(string code, string message) =>
        new([], new Finding(code, FindingSeverity.Error, message));
}
