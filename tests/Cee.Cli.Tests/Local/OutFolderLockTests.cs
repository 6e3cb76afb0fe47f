using Cee.Cli.Local;
using Cee.Tests;

namespace Cee.Cli.Tests.Local;

public sealed class OutFolderLockTests : IDisposable
{
    private readonly TempDirectory _out = new();

    public void Dispose() => _out.Dispose();

    [Fact]
    public void TryAcquire_HeldElsewhere_IsRefusedUntilReleased()
    {
        var first = OutFolderLock.TryAcquire(_out.Path, "route");
        Assert.NotNull(first);

        Assert.Null(OutFolderLock.TryAcquire(_out.Path, "route"));
        first.Dispose();
        using var second = OutFolderLock.TryAcquire(_out.Path, "route");

        Assert.NotNull(second);
    }

    [Fact]
    public async Task Route_FolderHeldByAnotherRun_RefusesAtOnceInOneLineAndWritesNothing()
    {
        using var held = OutFolderLock.TryAcquire(_out.Path, "route");

        var run = await CliRun.InvokeAsync("route", RepositoryPaths.Combine("samples", "drops"), "--out", _out.Path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is in use by another cee run", line, StringComparison.Ordinal);
        Assert.Equal([OutFolderLock.FileName], Directory.GetFileSystemEntries(_out.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AcquireAsync_Wait_SaysItWaitsAndTakesTheLockWhenFreed()
    {
        var held = OutFolderLock.TryAcquire(_out.Path, "route")!;
        using var notice = new StringWriter();

        var waiting = OutFolderLock.AcquireAsync(_out.Path, "route", wait: true, notice, CancellationToken.None);
        await Task.Delay(500);
        var waited = !waiting.IsCompleted;
        held.Dispose();
        using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(waited);
        Assert.Contains("waiting for it to finish", notice.ToString(), StringComparison.Ordinal);
    }
}
