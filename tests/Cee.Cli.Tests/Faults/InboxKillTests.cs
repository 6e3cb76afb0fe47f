using System.Diagnostics;
using System.Globalization;
using Cee.Cli.Tests.Support;
using Cee.Tests;

namespace Cee.Cli.Tests.Faults;

/// <summary>
/// A real <c>cee inbox --transfer</c> child process, SIGKILLed at random moments (before the ledger
/// step, between it and the new Center's message, after both), then run to the end: the folder must
/// end exactly as after one uninterrupted transfer (one Transferred step, one message on the new topic).
/// </summary>
[Collection(ChildProcessTests.Name)]
public sealed class InboxKillTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly string SamplesRoot = RepositoryPaths.Combine("samples");

    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task InboxTransfer_KilledAtRandomMomentsThenRunAgain_EndsAsOneCleanTransfer()
    {
        var clean = await RoutedSamplesAsync("clean");
        var document = await FirstListedDocumentAsync(clean);
        var clock = Stopwatch.StartNew();
        var reference = await CeeProcess.RunAsync(Patience, Transfer(clean, document));
        var cleanRun = clock.Elapsed;
        Assert.True(reference.ExitCode == ExitCodes.Ok, reference.Error);

        var killed = await RoutedSamplesAsync("killed");
        var random = new Random(29);
        var kills = new List<string>();
        var landed = 0;
        for (var attempt = 0; attempt < 12 && landed < 4; attempt++)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(30, Math.Max(100, (int)cleanRun.TotalMilliseconds)));
            using var child = CeeProcess.Start(Transfer(killed, document));
            await Task.Delay(delay);
            var wasRunning = !child.HasExited;
            child.Kill();
            var (exitCode, _, error) = await child.WaitAsync(Patience);
            kills.Add(string.Create(CultureInfo.InvariantCulture, $"{delay.TotalMilliseconds:0} ms: {(wasRunning ? "killed" : $"had ended ({exitCode})")}"));
            // A transfer already made answers "done" again: a run that ended before its kill still succeeded.
            Assert.True(wasRunning || exitCode == ExitCodes.Ok, $"run {attempt} failed before it could be killed: {error}");
            landed += wasRunning ? 1 : 0;
        }

        var final = await CeeProcess.RunAsync(Patience, Transfer(killed, document));

        Assert.True(final.ExitCode == ExitCodes.Ok, $"the transfer after the kills exited {final.ExitCode}: {final.Error}");
        Assert.True(landed >= 2, "too few kills landed mid-run: " + string.Join("; ", kills));
        Assert.Null(OutputSnapshot.Difference(OutputSnapshot.Take(clean), OutputSnapshot.Take(killed)));
        Assert.Single(Directory.GetFiles(Path.Combine(killed, "topics", "cee005"), $"{document}-transfer-*.json"));
    }

    private static string[] Transfer(string output, string document) =>
        ["inbox", output, "--center", "CEE007", "--transfer", document, "--to", "CEE005", "--reason", "steel wire, not electronics", "--json"];

    private async Task<string> RoutedSamplesAsync(string name)
    {
        var output = _work.Combine(name);
        var run = await CliRun.InvokeAsync("route", Path.Combine(SamplesRoot, "drops"), "--accounts", Path.Combine(SamplesRoot, "accounts.json"),
            "--requests", Path.Combine(SamplesRoot, "requests.json"), "--out", output);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        return output;
    }

    private static async Task<string> FirstListedDocumentAsync(string output)
    {
        var rows = (await CliRun.InvokeAsync("inbox", output, "--center", "CEE007", "--json")).Json().EnumerateArray();
        return rows.First(r => r.GetProperty("action").GetString() == "listed").GetProperty("documentId").GetString()!;
    }
}
