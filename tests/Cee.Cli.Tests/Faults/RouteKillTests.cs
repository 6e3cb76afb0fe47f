using System.Diagnostics;
using System.Globalization;
using Cee.Cli.Tests.Support;

namespace Cee.Cli.Tests.Faults;

/// <summary>
/// A real <c>cee route</c> child process, SIGKILLed at random moments several times over the same
/// output folder, then run to the end: the folder must end exactly as an uninterrupted run's does
/// (the same documents, each once; the same states, Centers, quarantine, messages and ledger).
/// </summary>
[Collection(ChildProcessTests.Name)]
public sealed class RouteKillTests(GeneratedDrops drops) : IClassFixture<GeneratedDrops>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Route_KilledAtRandomMomentsThenRunAgain_EndsAsACleanRun()
    {
        var clean = _work.Combine("clean");
        var clock = Stopwatch.StartNew();
        var reference = await CeeProcess.RunAsync(Patience, drops.Route(clean));
        var cleanRun = clock.Elapsed;
        Assert.True(reference.ExitCode == ExitCodes.Ok, reference.Error);

        var killed = _work.Combine("killed");
        var random = new Random(13);
        var kills = new List<string>();
        var landed = 0;
        // Anywhere from start-up to the end of a run: before the ledger exists, mid-drop, mid-commit.
        // Each run after a kill has less left to do, so when a run ends before its kill the window shrinks.
        var window = Math.Max(200, cleanRun.TotalMilliseconds);
        for (var attempt = 0; attempt < 15 && landed < 5; attempt++)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(50, (int)window));
            using var child = CeeProcess.Start(drops.Route(killed));
            await Task.Delay(delay);
            var wasRunning = !child.HasExited;
            child.Kill();
            var (exitCode, _, error) = await child.WaitAsync(Patience);
            kills.Add(string.Create(CultureInfo.InvariantCulture, $"{delay.TotalMilliseconds:0} ms: {(wasRunning ? "killed" : $"had ended ({exitCode})")}"));
            // A run after a kill never fails on what the kill left (a torn ledger once made every later run exit 3).
            Assert.True(wasRunning || exitCode == ExitCodes.Ok, $"run {attempt} failed before it could be killed: {error}");
            landed += wasRunning ? 1 : 0;
            window = wasRunning ? window : Math.Max(200, window * 0.6);
        }

        var final = await CeeProcess.RunAsync(Patience, drops.Route(killed));

        Assert.True(final.ExitCode == ExitCodes.Ok, $"the run after the kills exited {final.ExitCode}: {final.Error}");
        Assert.True(landed >= 3, "too few kills landed mid-run: " + string.Join("; ", kills));
        Assert.Null(OutputSnapshot.Difference(OutputSnapshot.Take(clean), OutputSnapshot.Take(killed)));
    }

    [Fact]
    public async Task Route_TwoProcessesOnOneOut_OneRefusesInOneLineAndNothingInterleaves()
    {
        var clean = _work.Combine("clean");
        Assert.Equal(ExitCodes.Ok, (await CeeProcess.RunAsync(Patience, drops.Route(clean))).ExitCode);
        var shared = _work.Combine("shared");

        using var first = CeeProcess.Start(drops.Route(shared));
        using var second = CeeProcess.Start(drops.Route(shared));
        var results = new[] { await first.WaitAsync(Patience), await second.WaitAsync(Patience) };

        Assert.Equal([ExitCodes.Ok, ExitCodes.Usage], results.Select(r => r.ExitCode).Order());
        var refused = results.Single(r => r.ExitCode == ExitCodes.Usage);
        var line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is in use by another cee run", line, StringComparison.Ordinal);
        Assert.Empty(refused.Output);
        Assert.Null(OutputSnapshot.Difference(OutputSnapshot.Take(clean), OutputSnapshot.Take(shared)));
    }

    [Fact]
    public async Task Route_FolderHeldAndWait_WaitsForTheHolderThenRoutes()
    {
        var shared = _work.Combine("shared");
        var held = Cee.Cli.Local.OutFolderLock.TryAcquire(shared, "test");
        Assert.NotNull(held);
        using var waiting = CeeProcess.Start(drops.Route(shared, "--wait"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var stillWaiting = !waiting.HasExited;
        held.Dispose();

        var (exitCode, _, error) = await waiting.WaitAsync(Patience);

        Assert.True(stillWaiting, "cee --wait did not wait for the folder's holder");
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("waiting for it to finish", error, StringComparison.Ordinal);
    }
}
