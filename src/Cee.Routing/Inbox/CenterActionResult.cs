using Cee.Routing.Ledger;

namespace Cee.Routing.Inbox;

/// <summary>The outcome of a receipt or transfer, the record as it now stands (null for NotFound/Invalid) and, when refused, why.</summary>
/// <param name="Repeated">True when the step was already recorded and only its completion (a publish) was redone.</param>
public sealed record CenterActionResult(CenterActionOutcome Outcome, LedgerRecord? Record, string? Problem = null, bool Repeated = false)
{
    /// <summary>Whether the Center's request was carried out (now, or by an earlier identical request).</summary>
    public bool Succeeded => Outcome is CenterActionOutcome.Delivered or CenterActionOutcome.AlreadyDelivered
        or CenterActionOutcome.Transferred or CenterActionOutcome.SentToReview or CenterActionOutcome.Decided;
}
