using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Cee.Functions.Http;

/// <summary><c>POST reviews/{dropId}</c> with <c>{center, reviewer, note}</c>: a person decides a drop's Center.</summary>
public sealed class ReviewsApi(ReviewSubmission submission)
{
    [Function("SubmitReview")]
    public Task<IActionResult> SubmitReviewAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reviews/{dropId}")] HttpRequest request,
        string dropId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        submission.SubmitAsync(request, dropId, durable, cancellationToken);
}
