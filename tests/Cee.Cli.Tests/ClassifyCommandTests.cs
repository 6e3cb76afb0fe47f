using System.Text.Json;

namespace Cee.Cli.Tests;

public class ClassifyCommandTests
{
    [Fact]
    public async Task Classify_AcceptanceExample_AnswersEachCenterWithProvenance()
    {
        var run = await CliRun.InvokeAsync("classify", "8471.30.0100", "3004.90.9290", "8703.23.0190", "--json");

        Assert.Equal(0, run.ExitCode);
        var results = run.Json().EnumerateArray().ToList();
        Assert.Equal(["CEE007", "CEE001", "CEE003"], results.Select(r => r.GetProperty("center").GetString()));
        Assert.Equal(["inferred", "official", "official"], results.Select(r => r.GetProperty("provenance").GetString()));
        Assert.Equal(["8470-8473", "2801-3302", "8701-8711"], results.Select(r => r.GetProperty("rule").GetString()));
        Assert.Equal(["8471300100", "3004909290", "8703230190"], results.Select(r => r.GetProperty("hts").GetString()));
        Assert.Equal("Electronics", results[0].GetProperty("centerName").GetString());
        Assert.All(results, r =>
        {
            Assert.True(r.GetProperty("valid").GetBoolean());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("error").ValueKind);
        });
    }

    [Fact]
    public async Task Classify_OneMalformedInput_ExitsOneAndKeepsInputOrder()
    {
        var run = await CliRun.InvokeAsync("classify", "8471.30.0100", "84713", "9903.88.15", "--json");

        Assert.Equal(1, run.ExitCode);
        var results = run.Json().EnumerateArray().ToList();
        Assert.Equal(["8471.30.0100", "84713", "9903.88.15"], results.Select(r => r.GetProperty("input").GetString()));

        Assert.False(results[1].GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("hts").ValueKind);
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("center").ValueKind);
        Assert.Contains("2, 4, 6, 8 or 10 digits", results[1].GetProperty("error").GetString(), StringComparison.Ordinal);

        // A chapter 99 number is a valid HTSUS number that no rule routes: no Center, and the reason.
        Assert.True(results[2].GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, results[2].GetProperty("center").ValueKind);
        Assert.Contains("special provision", results[2].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_Table_ShowsCenterRuleAndProvenance()
    {
        var run = await CliRun.InvokeAsync("classify", "8511.10.0000");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("CEE003 Automotive & Aerospace", run.Output, StringComparison.Ordinal);
        Assert.Contains("8511", run.Output, StringComparison.Ordinal);
        Assert.Contains("official", run.Output, StringComparison.Ordinal);
        Assert.Contains("Rules table 2026-11-22", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_RulesOverride_UsesTheOverrideRow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cee-override-{TempDirectory.UniqueName()}.json");
        await File.WriteAllTextAsync(path, """
            { "version": "machinery-2027-01", "rules": [
              { "hts": "8470-8473", "center": "CEE010", "provenance": "inferred", "reason": "Machinery Center correction", "effective": "2027-01-01" } ] }
            """);
        try
        {
            var run = await CliRun.InvokeAsync("classify", "8471.30.0100", "--rules", path, "--json");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("CEE010", run.Json()[0].GetProperty("center").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Classify_UnusableRulesFile_ExitsTwoNamingTheRow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cee-override-{TempDirectory.UniqueName()}.json");
        await File.WriteAllTextAsync(path, """
            { "rules": [ { "hts": "8471", "center": "PNDING", "provenance": "inferred", "reason": "x", "effective": "2027-01-01" } ] }
            """);
        try
        {
            var run = await CliRun.InvokeAsync("classify", "8471.30.0100", "--rules", path);

            Assert.Equal(2, run.ExitCode);
            Assert.Empty(run.Output);
            Assert.Contains("rules[0] '8471'", run.Error, StringComparison.Ordinal);
            Assert.Contains("importer-account state", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("classify")]
    [InlineData("classify", "--bogus", "8471")]
    [InlineData("classify", "8471", "--rules")]
    [InlineData("classify", "8471", "--rules", "/nonexistent/rules.json")]
    [InlineData("nosuchverb")]
    [InlineData]
    public async Task Classify_UsageError_ExitsTwoWithoutStackTrace(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("cee: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
