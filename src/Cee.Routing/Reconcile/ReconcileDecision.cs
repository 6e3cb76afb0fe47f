namespace Cee.Routing.Reconcile;

/// <summary>The reconciler's decision for one drop, and why.</summary>
/// <param name="Redrive">For <see cref="ReconcileAction.Redrive"/>: the re-drive's number (1 for the first); else 0.</param>
/// <param name="NotBefore">For <see cref="ReconcileAction.Wait"/>: when the drop is due.</param>
public sealed record ReconcileDecision(ReconcileAction Action, string Reason, int Redrive = 0, DateTimeOffset? NotBefore = null);
