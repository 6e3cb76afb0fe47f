using System.Text.Json.Serialization;

namespace Cee.Routing.Review;

/// <summary>The end of a wait for a review decision: the decision, or why there is none.</summary>
public sealed record ReviewWaitResult(
    [property: JsonPropertyName("outcome")] ReviewWaitOutcome Outcome,
    [property: JsonPropertyName("decision")] ReviewDecision? Decision)
{
    public static ReviewWaitResult Decided(ReviewDecision decision) => new(ReviewWaitOutcome.Decided, decision);

    public static ReviewWaitResult DeadlinePassed { get; } = new(ReviewWaitOutcome.DeadlinePassed, null);

    public static ReviewWaitResult NoReviewer { get; } = new(ReviewWaitOutcome.NoReviewer, null);
}
