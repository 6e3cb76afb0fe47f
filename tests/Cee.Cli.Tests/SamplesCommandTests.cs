namespace Cee.Cli.Tests;

public sealed class SamplesCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Generate_Count_WritesThatManyDropsThatRouteEndToEnd()
    {
        var load = _folder.Combine("load");

        var generate = await CliRun.InvokeAsync("samples", "generate", "--count", "120", "--out", load, "--seed", "5");
        var route = await CliRun.InvokeAsync("route", Path.Combine(load, "drops"), "--accounts", Path.Combine(load, "accounts.json"),
            "--requests", Path.Combine(load, "requests.json"), "--out", _folder.Combine("out"), "--json");

        Assert.Equal(ExitCodes.Ok, generate.ExitCode);
        Assert.Contains("Wrote 120 drops", generate.Output, StringComparison.Ordinal);
        var states = route.Json().EnumerateArray().Select(d => d.GetProperty("state").GetString()).ToHashSet();
        Assert.Equal(120, route.Json().EnumerateArray().Select(d => d.GetProperty("source").GetString()).Distinct().Count());
        Assert.Superset(new HashSet<string?> { "Routed", "Rejected", "AwaitingReview", "Duplicate" }, states);
        Assert.Subset(new HashSet<string?> { "Routed", "Rejected", "AwaitingReview", "Duplicate" }, states);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000001")]
    public async Task Generate_CountOutOfRange_ExitsTwo(string count)
    {
        var run = await CliRun.InvokeAsync("samples", "generate", "--count", count, "--out", _folder.Combine("load"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--count must be between 1 and 1,000,000", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_IntoAFolderThatHasFiles_ExitsTwo()
    {
        await File.WriteAllTextAsync(_folder.Combine("keep.txt"), "x");

        var run = await CliRun.InvokeAsync("samples", "generate", "--count", "5", "--out", _folder.Path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("is not empty", run.Error, StringComparison.Ordinal);
    }
}
