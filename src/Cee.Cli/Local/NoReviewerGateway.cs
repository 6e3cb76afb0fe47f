using Cee.Routing.Ports;
using Cee.Routing.Review;

namespace Cee.Cli.Local;

/// <summary><c>cee route</c> has no reviewer: documents that need a person stay AwaitingReview, their request on the triage topic.</summary>
public sealed class NoReviewerGateway : IReviewGateway
{
    public Task<ReviewWaitResult> WaitForDecisionAsync(string reviewId, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        Task.FromResult(ReviewWaitResult.NoReviewer);
}
