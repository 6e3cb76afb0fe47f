namespace Cee.Functions.Intake;

/// <summary>What one blob-created event did.</summary>
public enum DropTriggerOutcome
{
    /// <summary>A routing orchestration was scheduled for the drop.</summary>
    Started,

    /// <summary>A live orchestration already routes this drop (a repeated Event Grid delivery): nothing started.</summary>
    AlreadyRouting,

    /// <summary>A sidecar manifest that its document's run reads (or will read): nothing started.</summary>
    ManifestIgnored,

    /// <summary>The blob no longer exists when the event is handled: nothing to route.</summary>
    BlobGone,

    /// <summary>
    /// The ledger says every document of this drop is settled (routed, rejected, duplicate, failed…):
    /// a repeat delivery after the run ended starts nothing and rewrites nothing (a failed drop is
    /// the reconciler's to re-drive).
    /// </summary>
    AlreadySettled,
}
