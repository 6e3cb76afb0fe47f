using Cee.Functions.Identity;
using Cee.Functions.Storage;
using Cee.Routing.Cosmos;
using Cee.Routing.Identifiers;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Cee.Routing.Review;
using Cee.Routing.Workflow;
using Cee.Triage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Http;

/// <summary>
/// What the triage console reads (<see cref="AppRoles.Reviewer"/>): <c>GET reviews</c>, the drops
/// awaiting review oldest first (<see cref="ReviewWorklist"/>, as <c>cee review serve</c> lists
/// them), and <c>GET reviews/{dropId}/documents/{documentId}</c>, a redirect to a short-lived
/// read-only link to the stored document (<see cref="IDocumentLinks"/>). Decisions go through
/// <see cref="ReviewsApi"/>.
/// </summary>
public sealed class ReviewConsoleApi(ILedgerQueries queries, IRoutingLedger ledger, IDocumentLinks links, RoutingWorkflowOptions routing, ApiAccess access)
{
    /// <summary>The most records one listing reads (pages of <see cref="CosmosRoutingLedger.MaxPageSize"/>); a queue longer than that is shown in part.</summary>
    public const int MaxListedRecords = 5000;

    [Function("ListReviews")]
    public async Task<IActionResult> ListReviewsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reviews")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!access.TryAuthorize(request, AppRoles.Reviewer, out _, out var refusal))
        {
            return refusal;
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new OkObjectResult(ReviewWorklistView.Of(ReviewWorklist.Build(await ReadAwaitingReviewAsync(cancellationToken), routing)));
    }

    /// <summary>The records awaiting review, page after page, up to <see cref="MaxListedRecords"/>.</summary>
    private async Task<List<LedgerRecord>> ReadAwaitingReviewAsync(CancellationToken cancellationToken)
    {
        var records = new List<LedgerRecord>();
        string? continuation = null;
        do
        {
            var page = await queries.GetCenterQueueAsync(null, LedgerState.AwaitingReview, continuation, CosmosRoutingLedger.MaxPageSize, cancellationToken);
            records.AddRange(page.Records);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && records.Count < MaxListedRecords);

        return records;
    }

    [Function("GetReviewDocument")]
    public async Task<IActionResult> GetReviewDocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reviews/{dropId}/documents/{documentId}")] HttpRequest request,
        string dropId,
        string documentId,
        CancellationToken cancellationToken)
    {
        if (!access.TryAuthorize(request, AppRoles.Reviewer, out _, out var refusal))
        {
            return refusal;
        }

        var record = await ledger.GetAsync(documentId, cancellationToken);
        var shown = SsnRedaction.Redact(documentId);
        // The review id is the drop id, or, for a document transferred too often, the document's own id.
        if (record?.Subject.Document is not { } document || (record.Subject.DropId != dropId && record.Id != dropId))
        {
            return Problems.NotFound(request, "No such document", $"Drop {SsnRedaction.Redact(dropId)} has no document {shown}.");
        }

        if (record.State != LedgerState.AwaitingReview)
        {
            return Problems.Conflict(request, "The drop is not awaiting review", $"Document {shown} is {record.State}; the console shows only documents awaiting review.");
        }

        var link = document.Location is { } location ? await links.ReadLinkAsync(location, DocumentMediaTypes.Of(document.DetectedType), cancellationToken) : null;
        if (link is null)
        {
            return Problems.NotFound(request, "No stored copy", $"No copy of document {shown} is stored in the {StorageLayout.Documents} container.");
        }

        // The link itself is the credential for five minutes: never cached, never sent on as a referrer.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        return new RedirectResult(link.AbsoluteUri, permanent: false);
    }
}
