namespace Cee.Cli.Tests;

public class CentersCommandTests
{
    [Fact]
    public async Task Centers_Json_ListsTenCentersWithTopics()
    {
        var run = await CliRun.InvokeAsync("centers", "--json");

        Assert.Equal(0, run.ExitCode);
        var centers = run.Json().EnumerateArray().ToList();
        Assert.Equal(10, centers.Count);
        Assert.Equal("CEE001", centers[0].GetProperty("id").GetString());
        Assert.Equal("001", centers[0].GetProperty("teamCode").GetString());
        Assert.Equal("New York", centers[0].GetProperty("managedFrom").GetString());
        Assert.Equal("cee001", centers[0].GetProperty("topic").GetString());
        Assert.Equal("Machinery", centers[9].GetProperty("name").GetString());
        Assert.All(centers, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("industries").GetString())));
    }

    [Fact]
    public async Task Centers_Table_NamesTriageTopicAndAccountStates()
    {
        var run = await CliRun.InvokeAsync("centers");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Pharmaceuticals, Health & Chemicals", run.Output, StringComparison.Ordinal);
        Assert.Contains("cee-triage", run.Output, StringComparison.Ordinal);
        Assert.Contains("NOTELG and PNDING are importer-account states", run.Output, StringComparison.Ordinal);
    }
}
