using Cee.Routing.Ports;
using Cee.Routing.Review;

namespace Cee.Cli.Review;

/// <summary>
/// The reviewer of one resumed drop in <c>cee review serve</c>: it answers the workflow's wait for
/// that drop with the decision a person just made, and says whether it was asked (a workflow that
/// did not stop at the review would have decided without the person).
/// </summary>
public sealed class AnsweringReviewGateway(ReviewDecision decision) : IReviewGateway
{
    /// <summary>Whether the workflow waited for this decision.</summary>
    public bool Asked { get; private set; }

    public Task<ReviewWaitResult> WaitForDecisionAsync(string reviewId, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (!string.Equals(reviewId, decision.ReviewId, StringComparison.Ordinal) || Asked)
        {
            return Task.FromResult(ReviewWaitResult.NoReviewer);
        }

        Asked = true;
        return Task.FromResult(ReviewWaitResult.Decided(decision));
    }
}
