using Cee.Routing.Ledger;
using Cee.Routing.Policy;

namespace Cee.Routing.Inbox;

/// <summary>
/// How a record tells that it went to a person because it was transferred too often (rather than by
/// the routing workflow's review of its drop), from its history alone: <see cref="CenterActions"/>
/// records that with a <c>transfer-review-{n}</c> step and a reviewer's answer with a
/// <c>decided-{n}</c> step. Both hosts' review endpoints ask it which path a decision takes.
/// </summary>
public static class TransferReviews
{
    /// <summary>The prefix of the step that sends a document transferred too often to a person.</summary>
    public const string ReviewStepPrefix = "transfer-review-";

    /// <summary>The prefix of the step that records a reviewer's decision on such a document (a <c>Transferred</c> step).</summary>
    public const string DecidedStepPrefix = "decided-";

    /// <summary>Whether the record waits for a person now because of the transfer limit.</summary>
    public static bool IsPending(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.State == LedgerState.AwaitingReview && record.History.Count > 0
            && record.History[^1].Step.StartsWith(ReviewStepPrefix, StringComparison.Ordinal);
    }

    /// <summary>Whether the record was ever sent to a person because of the transfer limit (pending or decided since).</summary>
    public static bool WasSent(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.History.Any(h => h.Step.StartsWith(ReviewStepPrefix, StringComparison.Ordinal));
    }

    /// <summary>Whether the record's latest step is a reviewer's decision (a retry of it may only republish).</summary>
    public static bool IsJustDecided(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.State == LedgerState.Transferred && record.History.Count > 0
            && record.History[^1].Step.StartsWith(DecidedStepPrefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// The Centers the document went through, in order and without repeats: each Center a transfer
    /// came from (the decision's <c>transferred-from:</c> flags), then the one holding it now.
    /// </summary>
    public static IReadOnlyList<string> CentersOf(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = (record.Decision?.Flags ?? [])
            .Where(f => f.StartsWith(RoutingFlags.TransferredFromPrefix, StringComparison.Ordinal))
            .Select(f => f[RoutingFlags.TransferredFromPrefix.Length..])
            .ToList();
        if (record.Center is { } holder)
        {
            path.Add(holder);
        }

        return [.. path.Distinct(StringComparer.Ordinal)];
    }
}
