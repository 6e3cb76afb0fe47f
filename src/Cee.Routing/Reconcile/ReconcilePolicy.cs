using System.Globalization;

namespace Cee.Routing.Reconcile;

/// <summary>
/// The reconciler's decisions (docs/adr/0015), pure so they are tested here: which drop to start or
/// re-drive and when, and which instance history to purge. The host gathers the facts and applies.
/// </summary>
public static class ReconcilePolicy
{
    public static ReconcileDecision Decide(DropSituation situation, DateTimeOffset now, ReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(options);
        if (situation.Live)
        {
            return new ReconcileDecision(ReconcileAction.Nothing, "a run of the drop is live; never two at once");
        }

        if (situation.HasRecords && situation.Settled && !situation.AnyFailed)
        {
            return new ReconcileDecision(ReconcileAction.Nothing, "every record is settled");
        }

        var graceEnds = situation.LastChange + options.GracePeriod;
        if (now < graceEnds)
        {
            return new ReconcileDecision(ReconcileAction.Wait, "inside the grace period", NotBefore: graceEnds);
        }

        if (!situation.HasRecords && !situation.HasInstance)
        {
            return new ReconcileDecision(ReconcileAction.Start, "a drop with no ledger record and no run: its event never started it");
        }

        if (situation.Redrives >= options.MaxRedrives)
        {
            return new ReconcileDecision(ReconcileAction.GiveUp, string.Create(CultureInfo.InvariantCulture,
                $"re-driven {situation.Redrives} time(s), the most allowed; left to a person"));
        }

        var due = situation.LastChange + Backoff(situation.Redrives, options);
        return now < due
            ? new ReconcileDecision(ReconcileAction.Wait, "backing off before the next re-drive", NotBefore: due)
            : new ReconcileDecision(ReconcileAction.Redrive, situation.AnyFailed ? "its run failed" : "its run ended without settling it", situation.Redrives + 1);
    }

    /// <summary>The wait after the last change before re-drive <paramref name="redrivesSoFar"/> + 1: the first backoff, doubled per re-drive, capped.</summary>
    public static TimeSpan Backoff(int redrivesSoFar, ReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(redrivesSoFar);
        var wait = options.FirstBackoff * Math.Pow(2, Math.Min(redrivesSoFar, 30));
        return wait > options.MaxBackoff ? options.MaxBackoff : wait;
    }

    /// <summary>An ended instance's history goes once it has not changed for the retention period; a live one never.</summary>
    public static bool ShouldPurge(bool ended, DateTimeOffset lastUpdated, DateTimeOffset now, ReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ended && now - lastUpdated >= options.Retention;
    }
}
