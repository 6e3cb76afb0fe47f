using Cee.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Cee.Functions.Http;

/// <summary>
/// <c>POST reviews/{dropId}</c> with <c>{center, note}</c> (<see cref="AppRoles.Reviewer"/>): a person
/// decides a drop's Center, and the decision records them as the signed-in principal.
/// </summary>
public sealed class ReviewsApi(ReviewSubmission submission, ApiAccess access)
{
    [Function("SubmitReview")]
    public async Task<IActionResult> SubmitReviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reviews/{dropId}")] HttpRequest request,
        string dropId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        access.TryAuthorize(request, AppRoles.Reviewer, out var reviewer, out var refusal)
            ? await submission.SubmitAsync(request, dropId, reviewer, durable, cancellationToken)
            : refusal;
}
