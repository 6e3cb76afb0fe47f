namespace Cee.Functions.Reconcile;

/// <summary>What one reconciler pass did (also counted as metrics, <see cref="ReconcilerMetrics"/>).</summary>
public sealed record ReconcileSummary(int Started, int Redriven, int Waiting, int GaveUp, int Live, int Unrecoverable, int Purged);
