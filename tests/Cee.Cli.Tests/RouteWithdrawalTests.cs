using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Cee.Cli.Local;
using Cee.Cli.Local.Output;
using Cee.Cli.Tests.Support;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Intake;
using Cee.Tests;

namespace Cee.Cli.Tests;

/// <summary>
/// DIS withdrawals through <c>cee route</c>: the samples' electronics package, then (in path order) a
/// withdrawal of its invoice, the same withdrawal again and a withdrawal of a document never sent.
/// </summary>
public sealed class RouteWithdrawalTests : IDisposable
{
    private const string Invoice = "INV-2026-0417";
    private static readonly XNamespace Dis = "http://cbp.dhs.gov/DIS";

    private readonly TempDirectory _drops = new();
    private readonly TempDirectory _out = new();

    public RouteWithdrawalTests()
    {
        var samples = Path.Combine(RepositoryPaths.Root, "samples", "drops", "2704");
        var withdrawal = File.ReadAllBytes(Path.Combine(samples, "withdrawal-inv-2026-0417.xml"));
        Directory.CreateDirectory(_drops.Combine("2704"));
        File.Copy(Path.Combine(samples, "entry-summary-electronics.xml"), _drops.Combine("2704", "a-entry-summary-electronics.xml"));
        File.WriteAllBytes(_drops.Combine("2704", "b-withdrawal.xml"), withdrawal);
        File.WriteAllBytes(_drops.Combine("2704", "c-withdrawal-again.xml"), withdrawal);
        File.WriteAllBytes(_drops.Combine("2704", "d-withdrawal-unknown.xml"),
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(withdrawal).Replace(Invoice, "INV-NEVER-SENT", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        _drops.Dispose();
        _out.Dispose();
    }

    [SchemaFact]
    public async Task Route_WithdrawalOfARoutedInvoice_WithdrawsItAndPutsAWithdrawalOnItsCentersTopicInItsSession()
    {
        var run = await RouteAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var outcome = Single(run, "2704/b-withdrawal.xml");
        Assert.Equal(("Routed", "CEE007"), (outcome.GetProperty("state").GetString(), outcome.GetProperty("center").GetString()));

        var routed = Message(Directory.GetFiles(_out.Combine("topics", "cee007")).Single(f => f.EndsWith("-001.json", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("withdrawal-", StringComparison.Ordinal)));
        var withdrawal = Message(Assert.Single(Directory.GetFiles(_out.Combine("topics", "cee007"), "withdrawal-*.json")));
        var properties = withdrawal.GetProperty("properties");
        Assert.Equal("withdrawal", properties.GetProperty("subject").GetString());
        Assert.Equal("withdrawal", properties.GetProperty("applicationProperties").GetProperty("kind").GetString());
        Assert.Equal(routed.GetProperty("properties").GetProperty("sessionId").GetString(), properties.GetProperty("sessionId").GetString());
        var body = withdrawal.GetProperty("body");
        Assert.Equal("cee.document-withdrawal", body.GetProperty("schema").GetString());
        Assert.Equal(routed.GetProperty("properties").GetProperty("messageId").GetString(), body.GetProperty("documentId").GetString());
        Assert.Equal("Invoice sent for the wrong entry", body.GetProperty("reason").GetString());

        var status = await CliRun.InvokeAsync("status", _out.Path, "--json", "--document", Invoice);
        var invoice = Assert.Single(status.Json().EnumerateArray(), d => d.GetProperty("source").GetString() == "2704/a-entry-summary-electronics.xml");
        Assert.Equal("Withdrawn", invoice.GetProperty("state").GetString());
        Assert.Equal("withdrawn", invoice.GetProperty("history").EnumerateArray().Last().GetProperty("step").GetString());
        // The packing list of the same drop is untouched.
        var withdrawnOnly = await CliRun.InvokeAsync("status", _out.Path, "--json", "--state", "withdrawn");
        Assert.Single(withdrawnOnly.Json().EnumerateArray());
        Assert.Equal(DisResponses.Accepted, await StatusOfAnswerAsync("b-withdrawal.xml"));
    }

    [SchemaFact]
    public async Task Route_SameWithdrawalTwiceAndAnUnknownOne_AreRejectedAndAnsweredSo()
    {
        var run = await RouteAsync();

        Assert.Contains($"[{FindingCodes.WithdrawalAlreadyWithdrawn}]", Reasons(Single(run, "2704/c-withdrawal-again.xml")), StringComparison.Ordinal);
        Assert.Contains($"[{FindingCodes.WithdrawalUnknownDocument}]", Reasons(Single(run, "2704/d-withdrawal-unknown.xml")), StringComparison.Ordinal);
        Assert.Equal(DisResponses.Rejected, await StatusOfAnswerAsync("c-withdrawal-again.xml"));
        Assert.Equal(DisResponses.Rejected, await StatusOfAnswerAsync("d-withdrawal-unknown.xml"));
        Assert.True(File.Exists(_out.Combine(FolderDropStore.QuarantineFolder, "2704", "d-withdrawal-unknown.xml")), "a refused withdrawal is kept in quarantine");
        Assert.Single(Directory.GetFiles(_out.Combine("topics", "cee007"), "withdrawal-*.json"));
    }

    [Fact]
    public async Task Route_WithdrawalsTwice_SecondRunPublishesNothingAndAnswersTheSameBytes()
    {
        await RouteAsync();
        var topics = Snapshot("topics");
        var responses = Snapshot(FolderPortResponder.Folder);

        var again = await RouteAsync();

        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Equal(topics, Snapshot("topics"));
        Assert.Equal(responses, Snapshot(FolderPortResponder.Folder));
        Assert.Equal("Withdrawn", Single(again, "2704/a-entry-summary-electronics.xml", "-001").GetProperty("state").GetString());
    }

    [Theory]
    [InlineData(OutputWriteKind.LedgerTransition, "'withdrawn' transition")]
    [InlineData(OutputWriteKind.TopicMessage, "withdrawal-")]
    public async Task Route_StoppedAroundTheWithdrawal_RerunEndsAsACleanRun(OutputWriteKind kind, string write)
    {
        using var clean = new TempDirectory();
        await CliRun.InvokeAsync(Route(clean.Path));
        var faults = new FailingWrite(kind, write);

        // The ledger commit that holds Withdrawn fails after the withdrawal's file was written, or the file's write fails.
        var stopped = await CliRun.InvokeAsync(faults, Route(_out.Path));
        var resumed = await RouteAsync();

        Assert.True(faults.Failed, $"no {kind} write named {write}");
        Assert.Equal((ExitCodes.Internal, ExitCodes.Ok), (stopped.ExitCode, resumed.ExitCode));
        Assert.Null(OutputSnapshot.Difference(OutputSnapshot.Take(clean.Path), OutputSnapshot.Take(_out.Path)));
        Assert.Single(Directory.GetFiles(_out.Combine("topics", "cee007"), "withdrawal-*.json"));
    }

    private Task<CliRun> RouteAsync() => CliRun.InvokeAsync(Route(_out.Path));

    private string[] Route(string output) =>
        ["route", _drops.Path, "--accounts", Path.Combine(RepositoryPaths.Root, "samples", "accounts.json"), "--out", output, "--json"];

    private static JsonElement Single(CliRun run, string source, string? documentSuffix = null) =>
        Assert.Single(run.Json().EnumerateArray(), d => d.GetProperty("source").GetString() == source &&
            (documentSuffix is null || d.GetProperty("documentId").GetString()?.EndsWith(documentSuffix, StringComparison.Ordinal) == true));

    private static string Reasons(JsonElement outcome) => string.Join(" ", outcome.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

    private static JsonElement Message(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    private async Task<string> StatusOfAnswerAsync(string name)
    {
        var bytes = await File.ReadAllBytesAsync(_out.Combine(FolderPortResponder.Folder, "2704", name + PortResponse.ValidationSuffix));
        Assert.Empty(DisSchema.Validate(bytes));
        return XDocument.Parse(Encoding.UTF8.GetString(bytes)).Descendants(Dis + "MessageProcessingResult").Single().Element(Dis + "ProcessingStatus")!.Value;
    }

    private Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(_out.Combine(folder), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_out.Path, f), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>Fails the first write of <paramref name="kind"/> whose name holds <paramref name="name"/> (an I/O error, as the disk would).</summary>
    private sealed class FailingWrite(OutputWriteKind kind, string name) : IOutputFaults
    {
        private int _failed;

        public bool Failed => _failed == 1;

        public void BeforeWrite(OutputWriteKind writeKind, string writeName)
        {
            if (writeKind == kind && writeName.Contains(name, StringComparison.Ordinal) && Interlocked.Exchange(ref _failed, 1) == 0)
            {
                throw new IOException($"Input/output error : '{writeName}'", 5);
            }
        }
    }
}
