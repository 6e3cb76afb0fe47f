namespace Cee.Routing.Reconcile;

/// <summary>
/// What the reconciler knows of one drop: from the Durable instance under its id and its ledger
/// records. <see cref="ReconcilePolicy.Decide"/> turns it into an action.
/// </summary>
/// <param name="Live">An instance of the drop is Pending, Running or Suspended.</param>
/// <param name="HasInstance">The task hub holds an instance of the drop (live or ended).</param>
/// <param name="HasRecords">The ledger holds at least one record of the drop.</param>
/// <param name="Settled">Every record is terminal or was routed (<see cref="Workflow.DropRecords.AreSettled"/>).</param>
/// <param name="AnyFailed">At least one record is Failed.</param>
/// <param name="LastChange">The latest change: the records' last transition, else the instance's last update, else the blob's last write.</param>
/// <param name="Redrives">How many re-drives the drop has had.</param>
public sealed record DropSituation(bool Live, bool HasInstance, bool HasRecords, bool Settled, bool AnyFailed, DateTimeOffset LastChange, int Redrives);
