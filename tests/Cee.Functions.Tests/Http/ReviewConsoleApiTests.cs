using Azure.Storage.Blobs;
using Cee.Functions.Http;
using Cee.Functions.Storage;
using Cee.Functions.Tests.Support;
using Cee.Routing.Cosmos;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Cee.Routing.Review;
using Cee.Routing.Workflow;
using Microsoft.AspNetCore.Mvc;
using Moq;

namespace Cee.Functions.Tests.Http;

/// <summary>The triage console's reads in the Functions app: the review list from the ledger's queue, document links, the page.</summary>
public class ReviewConsoleApiTests
{
    private const string DropId = "d0123456789abcdef0123456789abcdef";
    private const string DocumentId = DropId + "-001";
    private static readonly Uri Link = new("https://ceedata.blob.core.windows.net/documents/" + DocumentId + ".pdf?skoid=o&sig=s");

    private readonly Mock<ILedgerQueries> _queries = new();
    private readonly Mock<IRoutingLedger> _ledger = new();
    private readonly Mock<IDocumentLinks> _links = new();

    [Fact]
    public async Task ListReviews_QueueOfTwoPages_ListsEveryDropAwaitingReviewOldestFirst()
    {
        var older = Awaiting("d1111111111111111111111111111111a", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var newer = Awaiting("d2222222222222222222222222222222b", new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        _queries.Setup(q => q.GetCenterQueueAsync(null, LedgerState.AwaitingReview, null, CosmosRoutingLedger.MaxPageSize, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LedgerPage([newer], "next", []));
        _queries.Setup(q => q.GetCenterQueueAsync(null, LedgerState.AwaitingReview, "next", CosmosRoutingLedger.MaxPageSize, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LedgerPage([older], null, []));

        var result = await Api().ListReviewsAsync(Requests.SignedIn("/api/reviews", null, "Cee.Reviewer"), CancellationToken.None);

        var view = Assert.IsType<ReviewWorklistView>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal([older.Subject.DropId, newer.Subject.DropId], view.Items.Select(i => i.ReviewId));
        Assert.Equal(10, view.Centers.Count);
    }

    [Fact]
    public async Task GetReviewDocument_AwaitingReview_RedirectsToAShortLivedLinkNeverCached()
    {
        _ledger.Setup(l => l.GetAsync(DocumentId, It.IsAny<CancellationToken>())).ReturnsAsync(Ledgers.Stored(Ledgers.Record(DocumentId, LedgerState.AwaitingReview, DropId)));
        _links.Setup(l => l.ReadLinkAsync($"https://ceedata.blob.core.windows.net/documents/{DocumentId}.pdf", "application/pdf", It.IsAny<CancellationToken>())).ReturnsAsync(Link);
        var request = Requests.SignedIn($"/api/reviews/{DropId}/documents/{DocumentId}", null, "Cee.Reviewer");

        var result = await Api().GetReviewDocumentAsync(request, DropId, DocumentId, CancellationToken.None);

        var redirect = Assert.IsType<RedirectResult>(result);
        Assert.Equal(Link.AbsoluteUri, redirect.Url);
        Assert.False(redirect.Permanent);
        Assert.Equal("no-store", request.HttpContext.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task GetReviewDocument_AlreadyRouted_Is409AndMakesNoLink()
    {
        _ledger.Setup(l => l.GetAsync(DocumentId, It.IsAny<CancellationToken>())).ReturnsAsync(Ledgers.Stored(Ledgers.Record(DocumentId, LedgerState.Routed, DropId)));

        var result = await Api().GetReviewDocumentAsync(Requests.SignedIn("/api/reviews/x", null, "Cee.Reviewer"), DropId, DocumentId, CancellationToken.None);

        Requests.Problem(result, 409, "The drop is not awaiting review");
        Assert.Empty(_links.Invocations);
    }

    [Fact]
    public async Task GetReviewDocument_DocumentOfAnotherDrop_Is404()
    {
        _ledger.Setup(l => l.GetAsync(DocumentId, It.IsAny<CancellationToken>())).ReturnsAsync(Ledgers.Stored(Ledgers.Record(DocumentId, LedgerState.AwaitingReview, DropId)));

        var result = await Api().GetReviewDocumentAsync(Requests.SignedIn("/api/reviews/x", null, "Cee.Reviewer"), "d9999999999999999999999999999999c", DocumentId, CancellationToken.None);

        Requests.Problem(result, 404, "No such document");
        Assert.Empty(_links.Invocations);
    }

    [Fact]
    public void TriageConsole_Page_ServedWithAPolicyAllowingOnlyItselfAndTheBlobEndpoint()
    {
        var request = Requests.SignedIn("/api/triage/", null, "Cee.Reviewer");

        var result = new TriagePageApi(Principals.Access(), new BlobServiceClient(new Uri("https://ceedata.blob.core.windows.net"))).GetAsset(request, null);

        var file = Assert.IsType<FileContentResult>(result);
        Assert.Equal("text/html; charset=utf-8", file.ContentType);
        var policy = request.HttpContext.Response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("frame-src 'self' https://ceedata.blob.core.windows.net;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void TriageConsole_FolderWithoutSlash_RedirectsToTheFolder()
    {
        var request = Requests.SignedIn("/api/triage", null, "Cee.Reviewer");

        var result = new TriagePageApi(Principals.Access(), new BlobServiceClient(new Uri("https://ceedata.blob.core.windows.net"))).GetAsset(request, null);

        Assert.Equal("/api/triage/", Assert.IsType<RedirectResult>(result).Url);
    }

    private ReviewConsoleApi Api() => new(_queries.Object, _ledger.Object, _links.Object, new RoutingWorkflowOptions(), Principals.Access());

    private static LedgerRecord Awaiting(string dropId, DateTimeOffset at)
    {
        var record = Ledgers.Record(dropId + "-001", LedgerState.AwaitingReview, dropId);
        return record with
        {
            History = [.. record.History, new LedgerHistoryEntry(ReviewWorklist.AwaitingReviewStep, LedgerState.AwaitingReview, at, "sent to a person on the triage topic", dropId)],
            UpdatedAt = at,
        };
    }
}
