namespace Cee.Routing.Reconcile;

/// <summary>What the reconciler does with one drop.</summary>
public enum ReconcileAction
{
    /// <summary>Nothing to do: settled, or live (never two runs at once).</summary>
    Nothing,

    /// <summary>Not yet: inside the grace period or the backoff.</summary>
    Wait,

    /// <summary>A blob no event started (no record, no instance): start it as the trigger would.</summary>
    Start,

    /// <summary>Run the drop again (<see cref="ReconcileDecision.Redrive"/> is its number).</summary>
    Redrive,

    /// <summary>Re-driven as often as allowed: left Failed for a person (the triage topic has it).</summary>
    GiveUp,
}
