using Cee.Routing.Review;

namespace Cee.Routing.Ports;

/// <summary>Waits for a person's review decision (the request itself is published on the triage topic).</summary>
public interface IReviewGateway
{
    /// <summary>
    /// Waits for the decision on <paramref name="reviewId"/> until <paramref name="deadline"/>
    /// (no deadline when null). A Durable host races an external event against a durable timer.
    /// </summary>
    Task<ReviewWaitResult> WaitForDecisionAsync(string reviewId, DateTimeOffset? deadline, CancellationToken cancellationToken);
}
