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
}
