using System.Reflection;
using Azure.Storage.Blobs;
using Cee.Functions.Harness.ServiceBus;
using Cee.Functions.Hosting;
using Cee.Functions.Http;
using Cee.Functions.Identity;
using Cee.Functions.Messaging;
using Cee.Functions.Orchestration;
using Cee.Functions.Storage;
using Cee.Functions.Tests.Support;
using Cee.Routing.Cosmos;
using Cee.Routing.Htsus;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Cee.Routing.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Cee.Functions.Tests.Http;

/// <summary>
/// Every HTTP endpoint, called as each kind of caller: nobody (or a function key alone) gets 401,
/// a principal without the endpoint's role or from another tenant gets 403, and only a principal
/// holding the role reaches the ledger, the orchestration or the rules. A refused call touches no data.
/// </summary>
public class EndpointAccessTests
{
    private const string DropId = "d0123456789abcdef0123456789abcdef";
    private const string DocumentId = DropId + "-001";

    /// <summary>Every HTTP function of the app and the role it requires. A new endpoint fails the first test until it is added here.</summary>
    private static readonly Dictionary<string, string> RequiredRoles = new(StringComparer.Ordinal)
    {
        ["GetDocument"] = AppRoles.Reader,
        ["GetEntryDocuments"] = AppRoles.Reader,
        ["ListCenters"] = AppRoles.Reader,
        ["ClassifyHts"] = AppRoles.Reader,
        ["SubmitReview"] = AppRoles.Reviewer,
        ["AcknowledgeReceipt"] = AppRoles.ForCenter("CEE007"),
        ["TransferDocument"] = AppRoles.ForCenter("CEE007"),
        ["ListReviews"] = AppRoles.Reviewer,
        ["GetReviewDocument"] = AppRoles.Reviewer,
        ["TriageConsole"] = AppRoles.Reviewer,
    };

    /// <summary>How a 403 names what is missing: the role, or for a Center's endpoint any Center's role.</summary>
    private static string Named(string endpoint) =>
        RequiredRoles[endpoint].StartsWith(AppRoles.CenterPrefix, StringComparison.Ordinal) ? "of a Center" : RequiredRoles[endpoint];

    public static TheoryData<string> Endpoints() => [.. RequiredRoles.Keys];

    [Fact]
    public void HttpFunctions_ComparedWithTheRoleTable_AreAllCoveredAndAnonymousToTheHost()
    {
        var triggers = typeof(ApiAccess).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null)))
            .Where(f => f.Function is not null && f.Trigger is not null)
            .ToList();

        Assert.Equal(RequiredRoles.Keys.Order(StringComparer.Ordinal), triggers.Select(f => f.Function!.Name).Order(StringComparer.Ordinal));
        // Sign-in and roles decide; a function key would only be a second, weaker credential that opens nothing on its own.
        Assert.All(triggers, f => Assert.Equal(AuthorizationLevel.Anonymous, f.Trigger!.AuthLevel));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Call_NoPrincipal_Is401ProblemWithABearerChallenge(string endpoint)
    {
        var backend = new Backend();
        var request = Backend.Request(endpoint);

        var result = await backend.CallAsync(endpoint, Principals.Access(), request);

        Assert.Contains("no signed-in principal", Requests.Problem(result, 401, "Sign-in required").Detail, StringComparison.Ordinal);
        Assert.Equal("Bearer", request.HttpContext.Response.Headers.WWWAuthenticate.ToString());
        Assert.False(backend.Touched, "a refused call must not reach the data");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Call_FunctionKeyAlone_Is401(string endpoint)
    {
        var backend = new Backend();
        var request = Backend.Request(endpoint);
        request.QueryString = new QueryString("?code=q3Vb1x0kLmT8sZ2aR7yN4wJ6pE9cH5fD");
        request.Headers["x-functions-key"] = "q3Vb1x0kLmT8sZ2aR7yN4wJ6pE9cH5fD";

        var result = await backend.CallAsync(endpoint, Principals.Access(), request);

        Requests.Problem(result, 401, "Sign-in required");
        Assert.False(backend.Touched);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Call_PrincipalWithNoRole_Is403ProblemNamingTheRole(string endpoint)
    {
        var backend = new Backend();

        var result = await backend.CallAsync(endpoint, Principals.Access(), Principals.Signed(Backend.Request(endpoint), Principals.Header()));

        var problem = Requests.Problem(result, 403, "A required role is missing");
        Assert.Contains($"requires the app role {Named(endpoint)}", problem.Detail, StringComparison.Ordinal);
        Assert.Contains($"principal {Principals.ObjectId} holds none", problem.Detail, StringComparison.Ordinal);
        Assert.False(backend.Touched);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Call_PrincipalWithOnlyTheOtherRole_Is403(string endpoint)
    {
        var backend = new Backend();
        var other = new[] { AppRoles.Reader, AppRoles.Reviewer }.First(role => role != RequiredRoles[endpoint]);

        var result = await backend.CallAsync(endpoint, Principals.Access(), Principals.Signed(Backend.Request(endpoint), Principals.Header(other)));

        Requests.Problem(result, 403, "A required role is missing");
        Assert.False(backend.Touched);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Call_PrincipalOfAnotherTenant_Is403(string endpoint)
    {
        var backend = new Backend();
        var header = Principals.Header(Principals.UserClaims(Principals.OtherTenant, Principals.ObjectId, [.. AppRoles.All]));

        var result = await backend.CallAsync(endpoint, Principals.Access(), Principals.Signed(Backend.Request(endpoint), header));

        Requests.Problem(result, 403, "The caller is not accepted");
        Assert.False(backend.Touched);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Call_ForgedHeaderWithoutAppServiceAuthentication_Is401(string endpoint)
    {
        var backend = new Backend();
        var settings = Principals.Azure();
        settings.Remove("WEBSITE_AUTH_ENABLED");

        var result = await backend.CallAsync(endpoint, Principals.Access(settings), Principals.Signed(Backend.Request(endpoint), Principals.Header([.. AppRoles.All])));

        Assert.Contains("ignored", Requests.Problem(result, 401, "Sign-in required").Detail, StringComparison.Ordinal);
        Assert.False(backend.Touched);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Call_PrincipalWithTheRole_ReachesTheEndpoint(string endpoint)
    {
        var backend = new Backend();

        var result = await backend.CallAsync(endpoint, Principals.Access(), Principals.Signed(Backend.Request(endpoint), Principals.Header(RequiredRoles[endpoint])));

        Assert.InRange(Backend.StatusOf(result), 200, 399);
        Assert.True(backend.Touched || endpoint is "ListCenters" or "ClassifyHts" or "TriageConsole");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Call_DevelopmentPrincipalOnLoopback_ReachesTheEndpoint(string endpoint)
    {
        var backend = new Backend();

        var result = await backend.CallAsync(endpoint, Principals.Access(Principals.Local("Cee.Reader,Cee.Reviewer,Cee.Center.CEE007")), Principals.FromLoopback(Backend.Request(endpoint), "127.0.0.1:50512"));

        Assert.InRange(Backend.StatusOf(result), 200, 399);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Call_DevelopmentPrincipalFromAnotherMachine_Is401(string endpoint)
    {
        var backend = new Backend();

        var result = await backend.CallAsync(endpoint, Principals.Access(Principals.Local()), Principals.FromLoopback(Backend.Request(endpoint), "192.168.1.20:50512"));

        Assert.Contains("only for requests from this machine", Requests.Problem(result, 401, "Sign-in required").Detail, StringComparison.Ordinal);
        Assert.False(backend.Touched);
    }

    /// <summary>The endpoints' dependencies, answering as for a drop awaiting review; <see cref="Touched"/> says whether any was used.</summary>
    private sealed class Backend
    {
        private readonly Mock<IRoutingLedger> _ledger = new();
        private readonly Mock<ILedgerQueries> _queries = new();
        private readonly Durable _durable = new Durable().WithInstance(OrchestrationRuntimeStatus.Running);
        private readonly Mock<IDocumentLinks> _links = new();

        public Backend()
        {
            _ledger.Setup(l => l.GetAsync(DocumentId, It.IsAny<CancellationToken>())).ReturnsAsync(Ledgers.Stored(Ledgers.Record(DocumentId, LedgerState.AwaitingReview, DropId)));
            _queries.Setup(q => q.GetCenterQueueAsync(null, LedgerState.AwaitingReview, null, It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(new LedgerPage([], null, []));
            _links.Setup(l => l.ReadLinkAsync(It.IsAny<string>(), "application/pdf", It.IsAny<CancellationToken>())).ReturnsAsync(new Uri("https://ceedata.blob.core.windows.net/documents/x.pdf?sig=s"));
            _queries.Setup(q => q.GetDocumentsOfEntryAsync("002-6110316-2", It.IsAny<CancellationToken>())).ReturnsAsync(new LedgerPage([], null, []));
            _durable.Client.Setup(c => c.RaiseEventAsync(DropId, DurableRoutingPorts.ReviewDecisionEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        }

        private readonly RoutedLedger _routed = new();

        public bool Touched => _ledger.Invocations.Count + _queries.Invocations.Count + _durable.Client.Invocations.Count + _links.Invocations.Count + _routed.Reads > 0;

        /// <summary>The HTTP status of what an endpoint answered: JSON, a redirect (a document link) or a file (the page).</summary>
        public static int StatusOf(IActionResult result) => result switch
        {
            ObjectResult o => o.StatusCode ?? 200,
            RedirectResult r => r.Permanent ? 301 : 302,
            FileContentResult => 200,
            _ => throw new InvalidOperationException($"unexpected result {result.GetType().Name}"),
        };

        public static HttpRequest Request(string endpoint) => endpoint switch
        {
            "GetDocument" => Requests.Create("/api/documents/" + DocumentId),
            "GetEntryDocuments" => Requests.Create("/api/entries/002-6110316-2/documents"),
            "ListCenters" => Requests.Create("/api/centers"),
            "ClassifyHts" => Requests.Create("/api/classify", """{ "hts": ["8471.30.0100"] }"""),
            "SubmitReview" => Requests.Create("/api/reviews/" + DropId, """{ "center": "CEE007", "note": "laptops, not cars" }"""),
            "AcknowledgeReceipt" => Requests.Create($"/api/documents/{RoutedLedger.DocumentId}/receipt"),
            "TransferDocument" => Requests.Create($"/api/documents/{RoutedLedger.DocumentId}/transfer", """{ "toCenter": "CEE005", "reason": "steel, not electronics" }"""),
            "ListReviews" => Requests.Create("/api/reviews"),
            "GetReviewDocument" => Requests.Create($"/api/reviews/{DropId}/documents/{DocumentId}"),
            "TriageConsole" => Requests.Create("/api/triage/"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "not an endpoint of the table"),
        };

        public async Task<IActionResult> CallAsync(string endpoint, ApiAccess access, HttpRequest request) => endpoint switch
        {
            "GetDocument" => await new DocumentsApi(_ledger.Object, access).GetDocumentAsync(request, DocumentId, CancellationToken.None),
            "GetEntryDocuments" => await new EntriesApi(_queries.Object, access).GetEntryDocumentsAsync(request, "002-6110316-2", CancellationToken.None),
            "ListCenters" => new CentersApi(access).ListCenters(request),
            "ClassifyHts" => await new ClassifyApi(HtsRuleTable.Embedded, access).ClassifyAsync(request, CancellationToken.None),
            "SubmitReview" => await new ReviewsApi(Submission(), access).SubmitReviewAsync(request, DropId, _durable.Client.Object, CancellationToken.None),
            "AcknowledgeReceipt" => await CenterApi(access).AcknowledgeReceiptAsync(request, RoutedLedger.DocumentId, CancellationToken.None),
            "TransferDocument" => await CenterApi(access).TransferDocumentAsync(request, RoutedLedger.DocumentId, CancellationToken.None),
            "ListReviews" => await ConsoleApi(access).ListReviewsAsync(request, CancellationToken.None),
            "GetReviewDocument" => await ConsoleApi(access).GetReviewDocumentAsync(request, DropId, DocumentId, CancellationToken.None),
            "TriageConsole" => new TriagePageApi(access, new BlobServiceClient(new Uri("https://ceedata.blob.core.windows.net"))).GetAsset(request, null),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "not an endpoint of the table"),
        };

        private CenterDocumentsApi CenterApi(ApiAccess access) => new(
            new CenterRequests(
                new CenterActions(_routed, new ServiceBusTopicPublisher(new RecordingServiceBusSenders()), new TimeProviderClock(TimeProvider.System), new TransferOptions()),
                NullLogger<CenterRequests>.Instance),
            access);

        private ReviewConsoleApi ConsoleApi(ApiAccess access) => new(_queries.Object, _ledger.Object, _links.Object, new RoutingWorkflowOptions(), access);

        private ReviewSubmission Submission() =>
            ReviewSubmissions.Over(_ledger.Object, new FixedTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero)));
    }
}
