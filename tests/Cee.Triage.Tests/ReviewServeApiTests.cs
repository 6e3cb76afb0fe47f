using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cee.Cli;
using Cee.Cli.Local;
using Cee.Cli.Tests;
using Cee.Routing.Ledger;

namespace Cee.Triage.Tests;

/// <summary>
/// The API of <c>cee review serve</c> without a browser: what it refuses, and that a decision is
/// the workflow's (a later <c>cee route</c> over the same drops routes nothing twice).
/// </summary>
public sealed class ReviewServeApiTests
{
    private const string Tie = "2304/entry-summary-tie.xml";

    [Fact]
    public async Task Decide_BodyNamesAReviewer_Is400AndNothingChanges()
    {
        await using var served = await ServedOutput.StartAsync();
        var tie = served.DropIdOf(Tie);

        var problem = await ProblemAsync(await PostAsync(served, tie, new { center = "CEE001", reviewer = "someone else" }), HttpStatusCode.BadRequest);

        Assert.Contains("'reviewer' is not accepted", problem, StringComparison.Ordinal);
        Assert.Equal(LedgerState.AwaitingReview, Assert.Single(served.RecordsOf(tie)).State);
    }

    [Fact]
    public async Task Decide_NotACenter_Is400NamingIt()
    {
        await using var served = await ServedOutput.StartAsync();

        var problem = await ProblemAsync(await PostAsync(served, served.DropIdOf(Tie), new { center = "CEE011" }), HttpStatusCode.BadRequest);

        Assert.Contains("CEE011", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_UnknownDrop_Is404()
    {
        await using var served = await ServedOutput.StartAsync();

        await ProblemAsync(await PostAsync(served, "d0123456789abcdef0123456789abcdef", new { center = "CEE001" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Decide_DropFileChangedSinceRoute_Is409AndTheDropStillAwaits()
    {
        await using var served = await ServedOutput.StartAsync();
        var tie = served.DropIdOf(Tie);
        File.AppendAllText(Path.Combine(served.Drops, "2304", "entry-summary-tie.xml"), "\n<!-- edited -->\n");

        var problem = await ProblemAsync(await PostAsync(served, tie, new { center = "CEE001" }), HttpStatusCode.Conflict);

        Assert.Contains("changed or is gone", problem, StringComparison.Ordinal);
        Assert.Equal(LedgerState.AwaitingReview, Assert.Single(served.RecordsOf(tie)).State);
        Assert.False(Directory.Exists(Path.Combine(served.Out, "topics", "cee001")) &&
            Directory.EnumerateFiles(Path.Combine(served.Out, "topics", "cee001")).Any(f => f.Contains(tie, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Decide_WhileAnotherRunWritesTheFolder_Is409AndNothingIsDecided()
    {
        await using var served = await ServedOutput.StartAsync();
        var tie = served.DropIdOf(Tie);

        using (OutFolderLock.TryAcquire(served.Out, "route"))
        {
            var problem = await ProblemAsync(await PostAsync(served, tie, new { center = "CEE001" }), HttpStatusCode.Conflict);
            Assert.Contains("Another cee run is writing", problem, StringComparison.Ordinal);
        }

        Assert.Equal(LedgerState.AwaitingReview, Assert.Single(served.RecordsOf(tie)).State);
    }

    [Fact]
    public async Task Decide_ThenRouteAgain_TheDecidedDropIsNotRoutedTwice()
    {
        await using var served = await ServedOutput.StartAsync();
        var tie = served.DropIdOf(Tie);
        using (var decided = await PostAsync(served, tie, new { center = "CEE001", note = "medicaments" }))
        {
            var body = JsonDocument.Parse(await decided.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
            Assert.Equal("Routed", body.GetProperty("documents")[0].GetProperty("state").GetString());
        }

        var topics = Directory.EnumerateFiles(Path.Combine(served.Out, "topics"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CeeApp.RunAsync(["route", served.Drops, "--out", served.Out, "--json",
            "--accounts", Cee.Tests.RepositoryPaths.Combine("samples", "accounts.json"), "--requests", Cee.Tests.RepositoryPaths.Combine("samples", "requests.json")],
            output, error, outputRedirected: true);

        Assert.Equal(0, exit);
        var again = JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().Single(d => d.GetProperty("source").GetString() == Tie);
        Assert.Equal(("Duplicate", "CEE001"), (again.GetProperty("state").GetString(), again.GetProperty("center").GetString()));
        Assert.Equal(topics, Directory.EnumerateFiles(Path.Combine(served.Out, "topics"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(served.Out, "responses", "2304", "entry-summary-tie.xml.review.xml")));
    }

    [Fact]
    public async Task Document_AfterTheDecision_Is409AndOfAnotherDrop404()
    {
        await using var served = await ServedOutput.StartAsync();
        var tie = served.DropIdOf(Tie);
        var scan = served.DropIdOf("2006/unlabelled-scan.png");
        using (var image = await served.Http.GetAsync(new Uri($"api/reviews/{scan}/documents/{scan}-001", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        }

        using (await PostAsync(served, tie, new { center = "CEE007" }))
        {
        }

        await ProblemAsync(await served.Http.GetAsync(new Uri($"api/reviews/{tie}/documents/{tie}-001", UriKind.Relative)), HttpStatusCode.Conflict);
        await ProblemAsync(await served.Http.GetAsync(new Uri($"api/reviews/{scan}/documents/{tie}-001", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Request_AddressedToAnotherHostName_IsRefused()
    {
        await using var served = await ServedOutput.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/reviews", UriKind.Relative));
        request.Headers.Host = "triage.example.org";

        using var response = await served.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Page_Served_WithAPolicyOfItsOwnOriginOnly()
    {
        await using var served = await ServedOutput.StartAsync();

        using var page = await served.Http.GetAsync(new Uri("api/triage/", UriKind.Relative));

        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("default-src 'none'; script-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        using var folder = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = served.Address }.GetAsync(new Uri("api/triage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, folder.StatusCode);
    }

    [Fact]
    public async Task Serve_FolderWithoutALedger_IsAUsageError()
    {
        using var temp = new TempDirectory();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CeeApp.RunAsync(["review", "serve", temp.Path, "--port", "0"], output, error, outputRedirected: true);

        Assert.Equal(2, exit);
        Assert.Contains("holds no ledger", error.ToString(), StringComparison.Ordinal);
    }

    internal static Task<HttpResponseMessage> PostAsync(ServedOutput served, string reviewId, object body) =>
        served.Http.PostAsJsonAsync(new Uri($"api/reviews/{reviewId}", UriKind.Relative), body);

    internal static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        }
    }
}
