using Cee.Routing.Drops;

namespace Cee.Functions.Intake;

/// <summary>The outcome of one blob-created event, with the drop it concerned when there was one.</summary>
public sealed record DropTriggerResult(DropTriggerOutcome Outcome, DropReference? Drop);
