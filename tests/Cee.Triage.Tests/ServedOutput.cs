using System.Net;
using System.Net.Sockets;
using Cee.Cli;
using Cee.Cli.Ledger;
using Cee.Cli.Tests;
using Cee.Routing.Ledger;
using Cee.Tests;

namespace Cee.Triage.Tests;

/// <summary>
/// A <c>cee route</c> of the samples (copied, so a test may add or change a drop) into a fresh output
/// folder, and <c>cee review serve</c> over it, both run in-process as the command line runs them.
/// </summary>
internal sealed class ServedOutput : IAsyncDisposable
{
    private readonly TempDirectory _temp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _serving;
    private readonly StringWriter _error;

    private ServedOutput(TempDirectory temp, string drops, string output, Uri address, Task<int> serving, StringWriter error)
    {
        _temp = temp;
        Drops = drops;
        Out = output;
        Address = address;
        _serving = serving;
        _error = error;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Drops { get; }

    public string Out { get; }

    /// <summary>The server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The console's page.</summary>
    public Uri Page => new(Address, "api/triage/");

    public HttpClient Http { get; }

    /// <summary>Routes the samples (after <paramref name="prepare"/> changes the copied drops folder) and serves the output.</summary>
    public static async Task<ServedOutput> StartAsync(Action<string>? prepare = null)
    {
        var temp = new TempDirectory();
        var drops = temp.Combine("drops");
        var output = temp.Combine("out");
        Copy(RepositoryPaths.Combine("samples", "drops"), drops);
        prepare?.Invoke(drops);
        using (var routeOutput = new StringWriter())
        using (var routeError = new StringWriter())
        {
            var routed = await CeeApp.RunAsync(
                ["route", drops, "--accounts", RepositoryPaths.Combine("samples", "accounts.json"), "--requests", RepositoryPaths.Combine("samples", "requests.json"), "--out", output, "--parallel", "2"],
                routeOutput, routeError, outputRedirected: true);
            Assert.True(routed == 0, $"cee route exited {routed}: {routeError}");
        }

        var port = FreePort();
        var error = new StringWriter();
        var stop = new CancellationTokenSource();
        var context = new CliContext(TextWriter.Synchronized(new StringWriter()), TextWriter.Synchronized(error), outputRedirected: true);
        var serving = Task.Run(() => CeeApp.RunAsync(["review", "serve", output, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], context, stop.Token));
        var served = new ServedOutput(temp, drops, output, new Uri($"http://127.0.0.1:{port}/"), serving, error);
        served._stop.Token.Register(stop.Cancel);
        await served.WaitUntilListeningAsync();
        return served;
    }

    /// <summary>The ledger's records of a drop, read as <c>cee status</c> reads them.</summary>
    public IReadOnlyList<LedgerRecord> RecordsOf(string dropId)
    {
        using var reader = SqliteRoutingLedger.OpenReader(Path.Combine(Out, SqliteRoutingLedger.FileName));
        return [.. reader.Find(new LedgerFilter(Document: dropId)).Where(r => r.Subject.DropId == dropId)];
    }

    /// <summary>The ledger's records awaiting review, in the order the workflow sent them to a person.</summary>
    public IReadOnlyList<LedgerRecord> AwaitingReview()
    {
        using var reader = SqliteRoutingLedger.OpenReader(Path.Combine(Out, SqliteRoutingLedger.FileName));
        return [.. reader.Find(new LedgerFilter(State: LedgerState.AwaitingReview))
            .OrderBy(r => r.History.First(h => h.Step == "awaiting-review").At)
            .ThenBy(r => r.Subject.DropId, StringComparer.Ordinal)];
    }

    /// <summary>The drop id of the sample at <paramref name="source"/> (e.g. <c>2304/entry-summary-tie.xml</c>).</summary>
    public string DropIdOf(string source) => All().First(r => r.Subject.Source == source).Subject.DropId;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _stop.CancelAsync();
        var exit = await _serving;
        _stop.Dispose();
        _error.Dispose();
        _temp.Dispose();
        Assert.Equal(0, exit);
    }

    private IReadOnlyList<LedgerRecord> All()
    {
        using var reader = SqliteRoutingLedger.OpenReader(Path.Combine(Out, SqliteRoutingLedger.FileName));
        return reader.Find(LedgerFilter.All);
    }

    private async Task WaitUntilListeningAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (_serving.IsCompleted)
            {
                throw new InvalidOperationException($"cee review serve exited {await _serving}: {_error}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("api/reviews", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"cee review serve did not answer at {Address} within 60 s: {_error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
