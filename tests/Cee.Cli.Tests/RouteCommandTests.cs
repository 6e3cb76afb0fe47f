using System.Text.Json;
using Cee.Cli.Ledger;
using Cee.Cli.Local;
using Cee.Cli.Local.Output;
using Cee.Cli.Tests.Support;
using Cee.Routing.Ledger;
using Cee.Samples;
using Cee.Tests;

namespace Cee.Cli.Tests;

/// <summary><c>cee route</c> end to end over the committed samples: every drop lands where samples/README.md says.</summary>
public sealed class RouteCommandTests : IDisposable
{
    private readonly TempDirectory _out = new();

    private static string SamplesRoot => Path.Combine(RepositoryPaths.Root, "samples");

    private static string[] Route(string outDir, params string[] more) =>
        ["route", Path.Combine(SamplesRoot, "drops"), "--accounts", Path.Combine(SamplesRoot, "accounts.json"),
         "--requests", Path.Combine(SamplesRoot, "requests.json"), "--out", outDir, .. more];

    public void Dispose() => _out.Dispose();

    [Fact]
    public async Task Route_Samples_EveryDropEndsInItsDocumentedStateAndCenter()
    {
        var run = await CliRun.InvokeAsync(Route(_out.Path, "--json"));

        // The samples hold bad drops on purpose: rejected into quarantine, they are handled, so the run succeeds.
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var documents = run.Json().EnumerateArray().ToList();
        foreach (var expected in CuratedSamples.Drops)
        {
            var ofDrop = documents.Where(d => d.GetProperty("source").GetString() == expected.Path).ToList();
            Assert.True(ofDrop.Count > 0, $"{expected.Path} is missing from the output");
            Assert.All(ofDrop, d =>
            {
                Assert.Equal(expected.State.ToString(), d.GetProperty("state").GetString());
                Assert.Equal(expected.Center, d.GetProperty("center").GetString());
            });
        }

        Assert.Equal(CuratedSamples.Drops.Select(d => d.Path), documents.Select(d => d.GetProperty("source").GetString()).Distinct());
    }

    [Fact]
    public async Task Route_Samples_JsonHasTheDocumentedFields()
    {
        var run = await CliRun.InvokeAsync(Route(_out.Path, "--json"));

        var routed = run.Json().EnumerateArray().First(d => d.GetProperty("source").GetString() == "2704/entry-summary-electronics.xml");
        Assert.Equal(["source", "documentId", "state", "center", "topic", "reasons"], routed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Routed", "CEE007", "cee007"), (routed.GetProperty("state").GetString(), routed.GetProperty("center").GetString(), routed.GetProperty("topic").GetString()));
        Assert.EndsWith("-001", routed.GetProperty("documentId").GetString(), StringComparison.Ordinal);
        Assert.Contains("assigned to CEE007", routed.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);

        // A drop with no document of its own (here a withdrawal, which follows its document to CEE007) is one object with a null documentId.
        var withdrawal = Assert.Single(run.Json().EnumerateArray(), d => d.GetProperty("source").GetString() == "2704/withdrawal-inv-2026-0417.xml");
        Assert.Equal(JsonValueKind.Null, withdrawal.GetProperty("documentId").ValueKind);
        Assert.Equal(("Routed", "CEE007"), (withdrawal.GetProperty("state").GetString(), withdrawal.GetProperty("center").GetString()));
    }

    [Fact]
    public async Task Route_Samples_WritesDocumentsMessagesQuarantineAndLedger()
    {
        await CliRun.InvokeAsync(Route(_out.Path, "--json"));

        var cf28Messages = Directory.GetFiles(_out.Combine("topics", "cee010"));
        Assert.Equal(2, cf28Messages.Length); // the CF-28 response holds two documents
        var message = JsonDocument.Parse(await File.ReadAllTextAsync(cf28Messages[0])).RootElement;
        Assert.Equal("cf28-response", message.GetProperty("properties").GetProperty("subject").GetString());
        var body = message.GetProperty("body");
        Assert.Equal("cee.routed-document", body.GetProperty("schema").GetString());
        Assert.True(File.Exists(_out.Combine(body.GetProperty("documentLocation").GetString()!)), "the message points at the stored document");
        // One review request on the triage topic per drop waiting for a person.
        Assert.Equal(
            CuratedSamples.Drops.Count(d => d.State == LedgerState.AwaitingReview),
            Directory.GetFiles(_out.Combine("topics", "cee-triage"), "review-*.json").Length);

        var quarantined = _out.Combine(FolderDropStore.QuarantineFolder, "2704", "bad-check-digit.xml");
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(SamplesRoot, "drops", "2704", "bad-check-digit.xml")), await File.ReadAllBytesAsync(quarantined));
        var reasons = JsonDocument.Parse(await File.ReadAllTextAsync(quarantined + FolderDropStore.ReasonsSuffix)).RootElement;
        Assert.Equal("entry.check-digit", reasons.GetProperty("reasons")[0].GetProperty("code").GetString());

        using (var ledger = SqliteRoutingLedger.OpenReader(_out.Combine(SqliteRoutingLedger.FileName)))
        {
            Assert.Equal(CuratedSamples.Drops.Count(d => d.State == LedgerState.Rejected), ledger.Find(new LedgerFilter(State: LedgerState.Rejected)).Select(r => r.Subject.DropId).Distinct().Count());
        }

        // Nothing half-written is left: every file was renamed into place, the temporary folder removed.
        Assert.False(Directory.Exists(_out.Combine(OutputFolder.TemporaryFolder)));
    }

    [Fact]
    public async Task Route_SameFolderTwice_RoutesNothingTwice()
    {
        var first = await CliRun.InvokeAsync(Route(_out.Path, "--json"));
        var messagesAfterFirst = Snapshot(_out.Combine("topics"));
        var ledgerAfterFirst = OutputSnapshot.Take(_out.Path);

        var second = await CliRun.InvokeAsync(Route(_out.Path, "--json"));

        // Routed and duplicate documents come back as duplicates; the others keep their state, and the
        // invoice the withdrawal sample withdrew (after the first run had reported it Routed) is Withdrawn.
        var before = first.Json().EnumerateArray().Select(d => d.GetProperty("state").GetString()).ToList();
        var after = second.Json().EnumerateArray().Select(d => d.GetProperty("state").GetString()).ToList();
        var withdrawn = Assert.Single(second.Json().EnumerateArray(), d => d.GetProperty("state").GetString() == "Withdrawn");
        Assert.Equal(CuratedSamples.Drops.Single(d => d.Withdrawn is { Count: > 0 }).Path, withdrawn.GetProperty("source").GetString());
        Assert.Equal(before.Select(s => s is "Routed" or "Duplicate" ? "Duplicate" : s), after.Select(s => s == "Withdrawn" ? "Duplicate" : s));
        Assert.Contains("Routed", before);
        Assert.Equal(messagesAfterFirst, Snapshot(_out.Combine("topics")));
        Assert.Null(OutputSnapshot.Difference(ledgerAfterFirst, OutputSnapshot.Take(_out.Path)));
    }

    [Fact]
    public async Task Route_Samples_NoSsnInAnythingWrittenOrPrinted()
    {
        var run = await CliRun.InvokeAsync(Route(_out.Path, "--json"));
        var table = await CliRun.InvokeAsync(Route(_out.Path));

        foreach (var text in Directory.GetFiles(_out.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText).Append(run.Output).Append(run.Error).Append(table.Output).Append(table.Error))
        {
            Assert.DoesNotContain("078-05-1120", text, StringComparison.Ordinal);
            Assert.DoesNotContain("078051120", text, StringComparison.Ordinal);
        }

        var sole = run.Json().EnumerateArray().Single(d => d.GetProperty("source").GetString() == "1704/furniture-invoice.jpg");
        Assert.Contains("***-**-1120", sole.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_FailOnRejectWithRejectedDrops_ExitsOne()
    {
        var run = await CliRun.InvokeAsync(Route(_out.Path, "--fail-on-reject"));

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("Rejected", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_OnlyGoodDropsWithFailOnReject_ExitsZeroAndSummarizes()
    {
        using var drops = new TempDirectory();
        Directory.CreateDirectory(drops.Combine("2704"));
        File.Copy(Path.Combine(SamplesRoot, "drops", "2704", "entry-summary-electronics.xml"), drops.Combine("2704", "entry.xml"));

        var run = await CliRun.InvokeAsync("route", drops.Path, "--accounts", Path.Combine(SamplesRoot, "accounts.json"), "--out", _out.Path, "--fail-on-reject");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("CEE007 Electronics", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 drop(s), 2 document(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_NoAccountsFile_RoutesByHtsusOrReview()
    {
        var run = await CliRun.InvokeAsync("route", Path.Combine(SamplesRoot, "drops"), "--out", _out.Path, "--json");

        var electronics = run.Json().EnumerateArray().First(d => d.GetProperty("source").GetString() == "2704/entry-summary-electronics.xml");
        Assert.Equal("CEE007", electronics.GetProperty("center").GetString());
        Assert.Contains("no account is known", electronics.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_InvalidAccountsFile_ExitsTwoNamingTheRowAndRoutesNothing()
    {
        var accounts = _out.Combine("bad-accounts.json");
        await File.WriteAllTextAsync(accounts, """[ { "importerNumber": "12-345678900", "center": "CEE011" } ]""");
        var output = _out.Combine("out");

        var run = await CliRun.InvokeAsync("route", Path.Combine(SamplesRoot, "drops"), "--accounts", accounts, "--out", output);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("bad-accounts.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was routed", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("missing-folder")]
    [InlineData("out-is-drops")]
    [InlineData("no-parallelism")]
    public async Task Route_UnusableInvocation_ExitsTwoWithoutStackTrace(string problem)
    {
        var drops = Path.Combine(SamplesRoot, "drops");
        string[] args = problem switch
        {
            "missing-folder" => ["route", _out.Combine("no-such-folder"), "--out", _out.Combine("out")],
            "out-is-drops" => ["route", drops, "--out", drops],
            _ => ["route", drops, "--out", _out.Path, "--parallel", "0"],
        };

        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("cee: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
}
