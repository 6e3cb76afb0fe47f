using Cee.Cli.Local.Output;
using Cee.Cli.Tests.Support;
using Cee.Tests;

namespace Cee.Cli.Tests.Faults;

/// <summary>
/// A disk that fills up at a chosen write (through the output layer's <see cref="IOutputFaults"/> seam):
/// the run stops with a clear message and exit 3, and the next run, with space again, ends exactly as
/// an uninterrupted run would.
/// </summary>
public sealed class RouteDiskFullTests : IDisposable
{
    private static readonly string SamplesRoot = RepositoryPaths.Combine("samples");

    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    public static TheoryData<OutputWriteKind, int> Steps()
    {
        var data = new TheoryData<OutputWriteKind, int>();
        foreach (var kind in Enum.GetValues<OutputWriteKind>())
        {
            data.Add(kind, 1);
            if (kind != OutputWriteKind.RouteSettings)
            {
                // A run writes its settings file once.
                data.Add(kind, 3);
            }
        }

        data.Add(OutputWriteKind.Document, 12);
        data.Add(OutputWriteKind.TopicMessage, 9);
        data.Add(OutputWriteKind.LedgerClaim, 8);
        data.Add(OutputWriteKind.LedgerTransition, 40);
        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Route_NoSpaceAtAStep_StopsThenTheNextRunEndsAsACleanRun(OutputWriteKind kind, int failAt)
    {
        var clean = _work.Combine("clean");
        Assert.Equal(ExitCodes.Ok, (await CliRun.InvokeAsync(Route(clean))).ExitCode);
        var full = _work.Combine("full");
        var disk = new DiskFullFaults(kind, failAt);

        var stopped = await CliRun.InvokeAsync(disk, Route(full));
        var resumed = await CliRun.InvokeAsync(Route(full));

        Assert.True(disk.Filled, $"the run never made {failAt} {kind} write(s)");
        Assert.Equal(ExitCodes.Internal, stopped.ExitCode);
        Assert.Contains("cee: stopped: ", stopped.Error, StringComparison.Ordinal);
        Assert.Contains(DiskFullFaults.Message, stopped.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stopped.Error, StringComparison.Ordinal);
        Assert.True(resumed.ExitCode == ExitCodes.Ok, resumed.Error);
        Assert.Null(OutputSnapshot.Difference(OutputSnapshot.Take(clean), OutputSnapshot.Take(full)));
    }

    [Fact]
    public async Task Route_DiskFullTwiceInARow_ThirdRunEndsAsACleanRun()
    {
        var clean = _work.Combine("clean");
        await CliRun.InvokeAsync(Route(clean));
        var full = _work.Combine("full");

        var first = await CliRun.InvokeAsync(new DiskFullFaults(OutputWriteKind.TopicMessage, 4), Route(full));
        var second = await CliRun.InvokeAsync(new DiskFullFaults(OutputWriteKind.LedgerTransition, 6), Route(full));
        var third = await CliRun.InvokeAsync(Route(full));

        Assert.Equal((ExitCodes.Internal, ExitCodes.Internal, ExitCodes.Ok), (first.ExitCode, second.ExitCode, third.ExitCode));
        Assert.Null(OutputSnapshot.Difference(OutputSnapshot.Take(clean), OutputSnapshot.Take(full)));
    }

    private static string[] Route(string outDirectory) =>
        ["route", Path.Combine(SamplesRoot, "drops"), "--accounts", Path.Combine(SamplesRoot, "accounts.json"),
         "--requests", Path.Combine(SamplesRoot, "requests.json"), "--out", outDirectory, "--json"];
}
