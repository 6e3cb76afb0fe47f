using System.Text.Json;
using Cee.Routing.Ledger;
using Cee.Samples;
using Cee.Tests;

namespace Cee.Cli.Tests;

/// <summary><c>cee status</c> over the ledger <c>cee route</c> wrote for the committed samples.</summary>
public sealed class StatusCommandTests : IDisposable
{
    private static readonly string SamplesRoot = RepositoryPaths.Combine("samples");

    private readonly TempDirectory _out = new();

    public void Dispose() => _out.Dispose();

    private async Task RouteSamplesAsync()
    {
        var run = await CliRun.InvokeAsync("route", Path.Combine(SamplesRoot, "drops"), "--accounts", Path.Combine(SamplesRoot, "accounts.json"),
            "--requests", Path.Combine(SamplesRoot, "requests.json"), "--out", _out.Path);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
    }

    [Fact]
    public async Task Status_Json_ListsEveryDocumentWithItsFieldsAndHistory()
    {
        await RouteSamplesAsync();

        var run = await CliRun.InvokeAsync("status", _out.Path, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var documents = run.Json().EnumerateArray().ToList();
        Assert.Equal(CuratedSamples.Drops.Select(d => d.Path).Order(StringComparer.Ordinal), documents.Select(d => d.GetProperty("source").GetString()).Distinct());
        var cf28 = documents.First(d => d.GetProperty("source").GetString() == "2704/cf28-response.xml");
        Assert.Equal(["source", "documentId", "sourceDocumentId", "state", "center", "topic", "duplicateOf", "reasons", "history"], cf28.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("CF28-RESP-1", "Routed", "CEE010"), (cf28.GetProperty("sourceDocumentId").GetString(), cf28.GetProperty("state").GetString(), cf28.GetProperty("center").GetString()));
        Assert.Equal(["received", "validated", "routed"], cf28.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("step").GetString()));
        foreach (var expected in CuratedSamples.Drops)
        {
            Assert.All(documents.Where(d => d.GetProperty("source").GetString() == expected.Path), d =>
                Assert.Equal(expected.FinalStateOf(d.GetProperty("sourceDocumentId").GetString()).ToString(), d.GetProperty("state").GetString()));
        }
    }

    [Fact]
    public async Task Status_Filters_SelectByStateCenterEntryAndDocument()
    {
        await RouteSamplesAsync();

        var rejected = await CliRun.InvokeAsync("status", _out.Path, "--json", "--state", "rejected");
        var electronics = await CliRun.InvokeAsync("status", _out.Path, "--json", "--center", "cee007");
        var byEntry = await CliRun.InvokeAsync("status", _out.Path, "--json", "--entry", "00261103162");
        var byDocument = await CliRun.InvokeAsync("status", _out.Path, "--json", "--document", "CF28-RESP-2");

        Assert.All(rejected.Json().EnumerateArray(), d => Assert.Equal("Rejected", d.GetProperty("state").GetString()));
        Assert.Equal(CuratedSamples.Drops.Count(d => d.State == LedgerState.Rejected), rejected.Json().EnumerateArray().Select(d => d.GetProperty("source").GetString()).Distinct().Count());
        Assert.NotEmpty(electronics.Json().EnumerateArray());
        Assert.All(electronics.Json().EnumerateArray(), d => Assert.Equal("CEE007", d.GetProperty("center").GetString()));
        Assert.NotEmpty(byEntry.Json().EnumerateArray());
        Assert.Equal("CF28-RESP-2", Assert.Single(byDocument.Json().EnumerateArray()).GetProperty("sourceDocumentId").GetString());
    }

    [Fact]
    public async Task Status_Table_ShowsStateCenterAndHistory()
    {
        await RouteSamplesAsync();

        var run = await CliRun.InvokeAsync("status", _out.Path, "--center", "CEE010");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("received > validated > routed", run.Output, StringComparison.Ordinal);
        Assert.Contains("CF28-RESP-1", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 document(s): 2 Routed.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NothingMatches_ExitsOneWithAnEmptyArray()
    {
        await RouteSamplesAsync();

        var run = await CliRun.InvokeAsync("status", _out.Path, "--json", "--document", "no-such-document");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Equal(JsonValueKind.Array, run.Json().ValueKind);
        Assert.Empty(run.Json().EnumerateArray());
    }

    [Theory]
    [InlineData("--state", "Lost", "is not a state")]
    [InlineData("--center", "CEE011", "is not a Center id")]
    [InlineData("--entry", "078-05-1120", "is not an entry number")]
    public async Task Status_BadFilter_ExitsTwoSayingWhatIsWrongWithoutEchoingAnSsn(string option, string value, string says)
    {
        await RouteSamplesAsync();

        var run = await CliRun.InvokeAsync("status", _out.Path, option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(says, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_FolderWithoutALedger_ExitsTwo()
    {
        var run = await CliRun.InvokeAsync("status", _out.Path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("holds no ledger", run.Error, StringComparison.Ordinal);
    }
}
