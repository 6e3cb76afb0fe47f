using System.Text.Json;
using System.Xml.Linq;
using Cee.Tests;

namespace Cee.Cli.Tests;

/// <summary><c>cee inbox</c> end to end over the output <c>cee route</c> wrote for the committed samples.</summary>
public sealed class InboxCommandTests : IDisposable
{
    private static readonly string SamplesRoot = RepositoryPaths.Combine("samples");

    private readonly TempDirectory _out = new();

    public void Dispose() => _out.Dispose();

    [Fact]
    public async Task Inbox_List_ShowsEveryMessageOfTheCentersTopicWithItsLedgerState()
    {
        await RouteSamplesAsync();

        var run = await CliRun.InvokeAsync("inbox", _out.Path, "--center", "cee007", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var rows = run.Json().EnumerateArray().ToList();
        Assert.Equal(Directory.GetFiles(Path.Combine(_out.Path, "topics", "cee007"), "*.json").Length, rows.Count);
        var (withdrawal, withdrawn, routed) = Split(rows);
        Assert.Equal(("withdrawal", "Withdrawn", "CEE007", SampleWithdrawalReason()), (withdrawal.GetProperty("kind").GetString(),
            withdrawal.GetProperty("state").GetString(), withdrawal.GetProperty("center").GetString(), withdrawal.GetProperty("reason").GetString()));
        Assert.Equal(("Withdrawn", "CEE007"), (withdrawn.GetProperty("state").GetString(), withdrawn.GetProperty("center").GetString()));
        Assert.Equal(withdrawn.GetProperty("sessionId").GetString(), withdrawal.GetProperty("sessionId").GetString());
        Assert.True(rows.IndexOf(withdrawn) < rows.IndexOf(withdrawal), "the withdrawal comes after the document's message in its session");
        Assert.NotEmpty(routed);
        Assert.All(routed, r =>
        {
            Assert.Equal(("Routed", "CEE007", "listed"), (r.GetProperty("state").GetString(), r.GetProperty("center").GetString(), r.GetProperty("action").GetString()));
            Assert.Equal(r.GetProperty("documentId").GetString(), r.GetProperty("messageId").GetString());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("reason").ValueKind);
        });
        Assert.Equal(rows.Select(r => r.GetProperty("sessionId").GetString()).Order(StringComparer.Ordinal), rows.Select(r => r.GetProperty("sessionId").GetString()));
        var status = (await CliRun.InvokeAsync("status", _out.Path, "--center", "CEE007", "--json")).Json().EnumerateArray().ToList();
        var withdrawnId = withdrawn.GetProperty("documentId").GetString();
        Assert.Equal("Withdrawn", Assert.Single(status, d => d.GetProperty("documentId").GetString() == withdrawnId).GetProperty("state").GetString());
        Assert.All(status.Where(d => d.GetProperty("documentId").GetString() != withdrawnId), d => Assert.Equal("Routed", d.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Inbox_Ack_RecordsDeliveredWithThePrincipalAndStatusShowsIt()
    {
        await RouteSamplesAsync();

        var ack = await CliRun.InvokeAsync("inbox", _out.Path, "--center", "CEE007", "--ack", "--json");
        var again = await CliRun.InvokeAsync("inbox", _out.Path, "--center", "CEE007", "--ack", "--json");

        Assert.Equal(ExitCodes.Ok, ack.ExitCode);
        var (withdrawal, withdrawn, acknowledged) = Split(ack.Json().EnumerateArray().ToList());
        Assert.NotEmpty(acknowledged);
        Assert.All(acknowledged, r => Assert.Equal(("acknowledged", "Delivered"), (r.GetProperty("action").GetString(), r.GetProperty("state").GetString())));
        Assert.Equal("Withdrawn", withdrawn.GetProperty("state").GetString());
        Assert.Equal("Withdrawn", withdrawal.GetProperty("state").GetString());
        var (withdrawalAgain, withdrawnAgain, acknowledgedAgain) = Split(again.Json().EnumerateArray().ToList());
        Assert.All(acknowledgedAgain, r => Assert.Equal("already-acknowledged", r.GetProperty("action").GetString()));
        Assert.Equal(("Withdrawn", "Withdrawn"), (withdrawnAgain.GetProperty("state").GetString(), withdrawalAgain.GetProperty("state").GetString()));
        var status = (await CliRun.InvokeAsync("status", _out.Path, "--center", "CEE007", "--json")).Json().EnumerateArray().ToList();
        var withdrawnId = withdrawn.GetProperty("documentId").GetString();
        var gone = Assert.Single(status, d => d.GetProperty("documentId").GetString() == withdrawnId);
        Assert.Equal("Withdrawn", gone.GetProperty("state").GetString());
        Assert.DoesNotContain(gone.GetProperty("history").EnumerateArray(), h => h.GetProperty("state").GetString() == "Delivered");
        // The withdrawal drop's own record is drop-level (no document): Routed when its message went out, nothing to acknowledge.
        var withdrawalDrop = Assert.Single(status, d => d.GetProperty("documentId").ValueKind == JsonValueKind.Null);
        Assert.Equal(("2704/withdrawal-inv-2026-0417.xml", "Routed"), (withdrawalDrop.GetProperty("source").GetString(), withdrawalDrop.GetProperty("state").GetString()));
        var delivered = status.Where(d => d.GetProperty("documentId").ValueKind != JsonValueKind.Null && d.GetProperty("documentId").GetString() != withdrawnId).ToList();
        Assert.NotEmpty(delivered);
        Assert.All(delivered, d =>
        {
            Assert.Equal("Delivered", d.GetProperty("state").GetString());
            var last = d.GetProperty("history").EnumerateArray().Last();
            Assert.Equal("delivered-1", last.GetProperty("step").GetString());
            Assert.Equal($"local:{Environment.UserName}", last.GetProperty("by").GetProperty("id").GetString());
            Assert.StartsWith("CEE007 acknowledged receipt", last.GetProperty("reason").GetString(), StringComparison.Ordinal);
        });
        var otherCenters = await CliRun.InvokeAsync("status", _out.Path, "--state", "Delivered", "--json");
        Assert.Equal(delivered.Count, otherCenters.Json().GetArrayLength());
    }

    [Fact]
    public async Task Inbox_TransferAWithdrawnDocument_IsRefusedAsWithdrawnAndChangesNothing()
    {
        await RouteSamplesAsync();
        var (_, withdrawn, _) = Split((await CliRun.InvokeAsync("inbox", _out.Path, "--center", "CEE007", "--json")).Json().EnumerateArray().ToList());
        var documentId = withdrawn.GetProperty("documentId").GetString()!;

        var run = await CliRun.InvokeAsync("inbox", _out.Path, "--center", "CEE007", "--transfer", documentId, "--to", "CEE005", "--reason", "steel, not electronics", "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Equal(("conflict", "Withdrawn"), (run.Json().GetProperty("outcome").GetString(), run.Json().GetProperty("state").GetString()));
        Assert.Contains("a withdrawn document cannot be transferred", run.Json().GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_out.Path, "topics", "cee005")) && Directory.GetFiles(Path.Combine(_out.Path, "topics", "cee005"), $"{documentId}*").Length > 0);
        var status = Assert.Single((await CliRun.InvokeAsync("status", _out.Path, "--document", documentId, "--json")).Json().EnumerateArray());
        Assert.Equal("Withdrawn", status.GetProperty("state").GetString());
        Assert.DoesNotContain(status.GetProperty("history").EnumerateArray(), h => h.GetProperty("state").GetString() == "Transferred");
    }

    [Fact]
    public async Task Inbox_Transfer_PublishesOnTheNewTopicInTheSameSessionAndTheNewCentersAckClosesIt()
    {
        await RouteSamplesAsync();
        var first = await FirstListedAsync();
        var documentId = first.GetProperty("documentId").GetString()!;

        var transfer = await CliRun.InvokeAsync("inbox", _out.Path, "--center", "CEE007", "--transfer", documentId, "--to", "CEE005",
            "--reason", "Line 1 is hot-rolled steel coil (7208.51), Base Metals' commodity", "--json");

        Assert.Equal(ExitCodes.Ok, transfer.ExitCode);
        Assert.Equal(("transferred", "Transferred", "CEE005", "cee005"), (transfer.Json().GetProperty("outcome").GetString(), transfer.Json().GetProperty("state").GetString(),
            transfer.Json().GetProperty("center").GetString(), transfer.Json().GetProperty("topic").GetString()));
        using var file = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_out.Path, "topics", "cee005", $"{documentId}-transfer-1.json")));
        Assert.Equal(first.GetProperty("sessionId").GetString(), file.RootElement.GetProperty("properties").GetProperty("sessionId").GetString());
        Assert.Equal("CEE005", file.RootElement.GetProperty("body").GetProperty("center").GetString());

        var oldInbox = (await CliRun.InvokeAsync("inbox", _out.Path, "--center", "CEE007", "--ack", "--json")).Json().EnumerateArray()
            .Single(r => r.GetProperty("documentId").GetString() == documentId);
        var newInbox = (await CliRun.InvokeAsync("inbox", _out.Path, "--center", "CEE005", "--ack", "--json")).Json().EnumerateArray()
            .Single(r => r.GetProperty("documentId").GetString() == documentId);

        Assert.Equal(("not-held", "CEE005"), (oldInbox.GetProperty("action").GetString(), oldInbox.GetProperty("center").GetString()));
        Assert.Equal(("acknowledged", "Delivered"), (newInbox.GetProperty("action").GetString(), newInbox.GetProperty("state").GetString()));
        var status = Assert.Single((await CliRun.InvokeAsync("status", _out.Path, "--document", documentId, "--json")).Json().EnumerateArray());
        Assert.Equal(("Delivered", "CEE005"), (status.GetProperty("state").GetString(), status.GetProperty("center").GetString()));
        var history = status.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["received", "validated", "publish-intent", "routed", "transferred-1", "delivered-2"], history.Select(h => h.GetProperty("step").GetString()));
        Assert.Contains("CEE007 transferred it to CEE005", history[4].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("hot-rolled steel coil", history[4].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_TransferAgain_IsRepeatedAndRewritesTheOneMessage()
    {
        await RouteSamplesAsync();
        var documentId = (await FirstListedAsync()).GetProperty("documentId").GetString()!;
        string[] transfer = ["inbox", _out.Path, "--center", "CEE007", "--transfer", documentId, "--to", "CEE005", "--reason", "steel, not electronics", "--json"];

        await CliRun.InvokeAsync(transfer);
        var again = await CliRun.InvokeAsync(transfer);

        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.True(again.Json().GetProperty("repeated").GetBoolean());
        Assert.Equal([$"{documentId}-transfer-1.json"], Directory.GetFiles(Path.Combine(_out.Path, "topics", "cee005"), $"{documentId}*").Select(Path.GetFileName));
        var status = Assert.Single((await CliRun.InvokeAsync("status", _out.Path, "--document", documentId, "--json")).Json().EnumerateArray());
        Assert.Single(status.GetProperty("history").EnumerateArray(), h => h.GetProperty("state").GetString() == "Transferred");
    }

    [Fact]
    public async Task Inbox_TransferAnotherCentersDocument_ExitsOneAndChangesNothing()
    {
        await RouteSamplesAsync();
        var documentId = (await FirstListedAsync()).GetProperty("documentId").GetString()!;

        var run = await CliRun.InvokeAsync("inbox", _out.Path, "--center", "CEE010", "--transfer", documentId, "--to", "CEE005", "--reason", "not ours", "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Equal("not-found", run.Json().GetProperty("outcome").GetString());
        var status = Assert.Single((await CliRun.InvokeAsync("status", _out.Path, "--document", documentId, "--json")).Json().EnumerateArray());
        Assert.Equal("Routed", status.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("--center", "CEE011")]
    [InlineData("--to", "CEE005")]
    [InlineData("--ack", "--transfer")]
    [InlineData("--max-transfers", "0")]
    public async Task Inbox_BadArguments_ExitTwo(string option, string value)
    {
        await RouteSamplesAsync();
        string[] args = option switch
        {
            "--center" => ["inbox", _out.Path, "--center", value],
            "--to" => ["inbox", _out.Path, "--center", "CEE007", "--to", value],
            "--ack" => ["inbox", _out.Path, "--center", "CEE007", "--ack", "--transfer", "d0", "--to", "CEE005", "--reason", "x"],
            _ => ["inbox", _out.Path, "--center", "CEE007", "--ack", option, value],
        };

        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("cee: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_FileThatIsNotAMessage_IsListedUnreadableWithWhyAndTheOthersAreAcknowledged()
    {
        await RouteSamplesAsync();
        await File.WriteAllTextAsync(Path.Combine(_out.Path, "topics", "cee007", "stray.json"), """{ "topic": "cee007", "properties": {""");

        var run = await CliRun.InvokeAsync("inbox", _out.Path, "--center", "CEE007", "--ack", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var rows = run.Json().EnumerateArray().ToList();
        var stray = Assert.Single(rows, r => r.GetProperty("action").GetString() == "unreadable");
        Assert.Equal("topics/cee007/stray.json", stray.GetProperty("file").GetString());
        Assert.Contains("not a message file", stray.GetProperty("problem").GetString(), StringComparison.Ordinal);
        var (withdrawal, withdrawn, acknowledged) = Split(rows.Where(r => r.GetProperty("file").GetString() != "topics/cee007/stray.json").ToList());
        Assert.NotEmpty(acknowledged);
        Assert.All(acknowledged, r => Assert.Equal("acknowledged", r.GetProperty("action").GetString()));
        Assert.Equal(("Withdrawn", "Withdrawn"), (withdrawn.GetProperty("state").GetString(), withdrawal.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Inbox_NoLedger_ExitsTwo()
    {
        var run = await CliRun.InvokeAsync("inbox", _out.Path, "--center", "CEE007");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("holds no ledger", run.Error, StringComparison.Ordinal);
    }

    // samples/drops/2704 holds a DocumentWithdrawal of one of CEE007's invoices: its topic carries that
    // document's message (now Withdrawn) and the withdrawal message, beside the documents still Routed.
    private static (JsonElement Withdrawal, JsonElement Withdrawn, List<JsonElement> Others) Split(List<JsonElement> rows)
    {
        var withdrawal = Assert.Single(rows, r => r.GetProperty("action").GetString() == "withdrawal");
        var documentId = withdrawal.GetProperty("documentId").GetString();
        Assert.Equal($"withdrawal-{documentId}", withdrawal.GetProperty("messageId").GetString());
        var withdrawn = Assert.Single(rows, r => r.GetProperty("action").GetString() == "withdrawn");
        Assert.Equal((documentId, documentId), (withdrawn.GetProperty("documentId").GetString(), withdrawn.GetProperty("messageId").GetString()));
        return (withdrawal, withdrawn, [.. rows.Where(r => r.GetProperty("documentId").GetString() != documentId)]);
    }

    // The first message of a document CEE007 holds (not the withdrawn one, not the withdrawal).
    private async Task<JsonElement> FirstListedAsync() =>
        (await CliRun.InvokeAsync("inbox", _out.Path, "--center", "CEE007", "--json")).Json().EnumerateArray().First(r => r.GetProperty("action").GetString() == "listed");

    private static string SampleWithdrawalReason() =>
        XDocument.Load(Path.Combine(SamplesRoot, "drops", "2704", "withdrawal-inv-2026-0417.xml")).Descendants()
            .Single(e => e.Name.LocalName == "DocumentWithdrawalReason").Value;

    private async Task RouteSamplesAsync()
    {
        var run = await CliRun.InvokeAsync("route", Path.Combine(SamplesRoot, "drops"), "--accounts", Path.Combine(SamplesRoot, "accounts.json"),
            "--requests", Path.Combine(SamplesRoot, "requests.json"), "--out", _out.Path);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
    }
}
