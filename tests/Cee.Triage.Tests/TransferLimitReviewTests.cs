using System.Net;
using System.Text.Json;
using Cee.Cli;
using Cee.Cli.Ledger;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;

namespace Cee.Triage.Tests;

/// <summary>
/// End to end over the samples: <c>cee route</c>, Centers transferring one document with
/// <c>cee inbox --transfer</c> until the limit sends it to a person, the decision through
/// <c>cee review serve</c>'s API, and the chosen Center's <c>cee inbox</c>.
/// </summary>
public sealed class TransferLimitReviewTests
{
    [Fact]
    public async Task Decide_DocumentTransferredPastTheLimit_ThePickedCentersInboxListsIt()
    {
        await using var served = await ServedOutput.StartAsync();
        var routed = RoutedDocument(served);
        var first = routed.Center!;
        var second = first == "CEE005" ? "CEE006" : "CEE005";
        Assert.Equal(0, await InboxAsync(served, first, "--transfer", routed.Id, "--to", second, "--reason", "hot-rolled steel coil, HTSUS 7208.51", "--max-transfers", "1"));
        Assert.Equal(0, await InboxAsync(served, second, "--transfer", routed.Id, "--to", first, "--reason", "not steel after all", "--max-transfers", "1"));
        Assert.Equal(LedgerState.AwaitingReview, Record(served, routed.Id).State);

        using (var listed = await served.Http.GetAsync(new Uri("api/reviews", UriKind.Relative)))
        {
            var items = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
            var item = items.EnumerateArray().Single(i => i.GetProperty("reviewId").GetString() == routed.Id);
            Assert.Equal("transfer-limit", item.GetProperty("kind").GetString());
            Assert.StartsWith($"Transferred 1 time(s) between {first}, {second}", item.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
            Assert.Equal([first, second], item.GetProperty("candidates").EnumerateArray().Take(2).Select(c => c.GetProperty("center").GetString()));
        }

        using (var decided = await ReviewServeApiTests.PostAsync(served, routed.Id, new { center = "CEE009", note = "footwear, HTSUS 6403.99" }))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        var record = Record(served, routed.Id);
        Assert.Equal((LedgerState.Transferred, "CEE009", "decided-2"), (record.State, record.Center, record.History[^1].Step));
        Assert.StartsWith(Environment.UserName, record.History[^1].By!.Name, StringComparison.Ordinal);
        var inbox = await InboxJsonAsync(served, "CEE009");
        var row = inbox.EnumerateArray().Single(r => r.GetProperty("documentId").GetString() == routed.Id);
        Assert.Equal(CenterMessages.TransferMessageId(routed.Id, 2), row.GetProperty("messageId").GetString());

        var again = await ReviewServeApiTests.ProblemAsync(await ReviewServeApiTests.PostAsync(served, routed.Id, new { center = "CEE010" }), HttpStatusCode.Conflict);
        Assert.Contains("no longer awaiting review", again, StringComparison.Ordinal);
    }

    internal static LedgerRecord RoutedDocument(ServedOutput served)
    {
        using var reader = SqliteRoutingLedger.OpenReader(Path.Combine(served.Out, SqliteRoutingLedger.FileName));
        return reader.Find(new LedgerFilter(State: LedgerState.Routed)).Where(r => r.Subject.Document is not null && r.Center != "CEE009").OrderBy(r => r.Id, StringComparer.Ordinal).First();
    }

    internal static LedgerRecord Record(ServedOutput served, string id)
    {
        using var reader = SqliteRoutingLedger.OpenReader(Path.Combine(served.Out, SqliteRoutingLedger.FileName));
        return reader.Find(new LedgerFilter(Document: id)).Single(r => r.Id == id);
    }

    internal static async Task<int> InboxAsync(ServedOutput served, string center, params string[] rest)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CeeApp.RunAsync(["inbox", served.Out, "--center", center, .. rest], output, error, outputRedirected: true);
        Assert.True(exit == 0, $"cee inbox exited {exit}: {output}{error}");
        return exit;
    }

    private static async Task<JsonElement> InboxJsonAsync(ServedOutput served, string center)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CeeApp.RunAsync(["inbox", served.Out, "--center", center, "--json"], output, error, outputRedirected: true);
        Assert.True(exit == 0, $"cee inbox exited {exit}: {error}");
        return JsonDocument.Parse(output.ToString()).RootElement;
    }
}
