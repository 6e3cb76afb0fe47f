using System.Text.Json;

namespace Cee.Cli.Tests;

// SSNs here are the void specimen 078-05-1120 and numbers the SSA never issues.
public class CheckCommandTests
{
    private static readonly string[] JsonFields = ["input", "kind", "valid", "normalized", "error", "warning", "kindDetected"];

    [Fact]
    public async Task RunAsync_ValidEntryNumber_ReportsNormalizedAndExitsZero()
    {
        var run = await RunAsync("check", "00261103162", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var result = Assert.Single(run.Results);
        Assert.Equal("00261103162", result.GetProperty("input").GetString());
        Assert.Equal("entry", result.GetProperty("kind").GetString());
        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal("002-6110316-2", result.GetProperty("normalized").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("error").ValueKind);
        Assert.True(result.GetProperty("kindDetected").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_Json_EveryResultHasExactlyTheDocumentedFields()
    {
        var run = await RunAsync("check", "002-6110316-2", "hello", "--json");

        Assert.All(run.Results, r => Assert.Equal(JsonFields, r.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task RunAsync_CheckDigitMismatch_SaysWhichDigitWasExpectedAndExitsOne()
    {
        var run = await RunAsync("check", "002-6110316-3", "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        var result = Assert.Single(run.Results);
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("normalized").ValueKind);
        Assert.Equal("check digit is 3; the number computes 2", result.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RunAsync_OneOfEachShape_DetectsKindsInInputOrder()
    {
        var run = await RunAsync(
            "check", "002-6110316-2", "12-345678900", "8471.30.0100", "2704", "3901-18-100274", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(["entry", "importer", "hts", "port", "protest"], run.Results.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(
            ["002-6110316-2", "12-345678900", "8471300100", "2704", "3901-2018-100274"],
            run.Results.Select(r => r.GetProperty("normalized").GetString()));
        Assert.All(run.Results, r => Assert.True(r.GetProperty("kindDetected").GetBoolean()));
    }

    [Fact]
    public async Task RunAsync_KindGiven_UsesItAndKindDetectedIsFalse()
    {
        var run = await RunAsync("check", "--kind", "hts", "8471", "--json");

        var result = Assert.Single(run.Results);
        Assert.Equal("hts", result.GetProperty("kind").GetString());
        Assert.Equal("8471", result.GetProperty("normalized").GetString());
        Assert.False(result.GetProperty("kindDetected").GetBoolean());
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
    }

    [Fact]
    public async Task RunAsync_KindGivenButValueIsOtherKind_IsInvalid()
    {
        var run = await RunAsync("check", "--kind", "port", "002-6110316-2", "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        var result = Assert.Single(run.Results);
        Assert.Equal("port", result.GetProperty("kind").GetString());
        Assert.False(result.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_NoShapeFits_KindIsNullAndExitsOne()
    {
        var run = await RunAsync("check", "hello", "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        var result = Assert.Single(run.Results);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("kind").ValueKind);
        Assert.False(result.GetProperty("kindDetected").GetBoolean());
        Assert.Contains("--kind", result.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnlistedPort_IsValidWithWarning()
    {
        var run = await RunAsync("check", "--kind", "port", "9999", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var result = Assert.Single(run.Results);
        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal("port 9999 is well-formed but not in the port list", result.GetProperty("warning").GetString());
    }

    [Fact]
    public async Task RunAsync_EinWithoutSuffix_SaysSuffixIsNeeded()
    {
        var run = await RunAsync("check", "12-3456789", "--json");

        var result = Assert.Single(run.Results);
        Assert.Equal("importer", result.GetProperty("kind").GetString());
        Assert.Equal("an EIN needs its 2-character suffix, e.g. 12-345678900", result.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RunAsync_ElevenDigitsFailingEntryCheck_AreImporterWithWarning()
    {
        var run = await RunAsync("check", "12345678900", "--json");

        var result = Assert.Single(run.Results);
        Assert.Equal("importer", result.GetProperty("kind").GetString());
        Assert.Equal("12-345678900", result.GetProperty("normalized").GetString());
        Assert.Contains("EIN", result.GetProperty("warning").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("078-05-1120", "***-**-1120", true)]
    [InlineData("078051120", "*****1120", true)]
    [InlineData("666-12-3456", "***-**-3456", false)]
    [InlineData("900123456", "*****3456", false)]
    public async Task RunAsync_SsnShapedInput_IsEchoedMasked(string ssn, string maskedInput, bool valid)
    {
        var run = await RunAsync("check", ssn, "--json");

        var result = Assert.Single(run.Results);
        Assert.Equal(maskedInput, result.GetProperty("input").GetString());
        Assert.Equal("importer", result.GetProperty("kind").GetString());
        Assert.Equal(valid, result.GetProperty("valid").GetBoolean());
        if (valid)
        {
            Assert.Equal("***-**-" + ssn[^4..], result.GetProperty("normalized").GetString());
        }

        AssertNoFullSsn(run, ssn);
    }

    [Theory]
    [InlineData("entry")]
    [InlineData("importer")]
    [InlineData("hts")]
    [InlineData("port")]
    [InlineData("protest")]
    public async Task RunAsync_SsnCheckedAsAnyKind_NeverPrintsItInFull(string kind)
    {
        string[] ssns = ["078-05-1120", "078051120", "666-12-3456", "078 05 1120"];
        foreach (var json in new[] { true, false })
        {
            var args = new List<string> { "check", "--kind", kind };
            args.AddRange(ssns);
            if (json)
            {
                args.Add("--json");
            }

            var run = await RunAsync([.. args]);
            foreach (var ssn in ssns)
            {
                AssertNoFullSsn(run, ssn);
            }
        }
    }

    [Fact]
    public async Task RunAsync_Table_NamesChosenKindAndMasksSsn()
    {
        var run = await RunAsync("check", "002-6110316-2", "078-05-1120", "--kind", "importer");

        Assert.Contains("importer", run.Output, StringComparison.Ordinal);
        Assert.Contains("***-**-1120", run.Output, StringComparison.Ordinal);
        AssertNoFullSsn(run, "078-05-1120");
        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
    }

    [Fact]
    public async Task RunAsync_TableWithDetection_SaysKindWasDetected()
    {
        var run = await RunAsync("check", "002-6110316-3", "9999");

        Assert.Contains("entry (detected)", run.Output, StringComparison.Ordinal);
        Assert.Contains("port (detected)", run.Output, StringComparison.Ordinal);
        Assert.Contains("check digit is 3; the number computes 2", run.Output, StringComparison.Ordinal);
        Assert.Contains("not in the port list", run.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--kind", "ssn", "078-05-1120")]
    [InlineData("check", "--kind", "Entry", "002-6110316-2")]
    [InlineData("check", "--bogus", "002-6110316-2")]
    [InlineData("check", "--kind")]
    public async Task RunAsync_UsageError_ExitsTwo(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.NotEmpty(run.Error);
        AssertNoFullSsn(run, "078-05-1120");
    }

    [Theory]
    [InlineData("check", "--kind", "078-05-1120")]
    [InlineData("chek", "078-05-1120")]
    [InlineData("check", "-078-05-1120")]
    public async Task RunAsync_SsnInParseError_IsMasked(params string[] args)
    {
        // Parse errors quote the offending token (e.g. an SSN given where --kind's value belongs).
        var run = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("***-**-1120", run.Error, StringComparison.Ordinal);
        AssertNoFullSsn(run, "078-05-1120");
    }

    private static void AssertNoFullSsn(Run run, string ssn)
    {
        var digits = new string(ssn.Where(char.IsAsciiDigit).ToArray());
        var everything = run.Output + run.Error;
        var everythingDigits = new string(everything.Where(c => char.IsAsciiDigit(c) || c == '\n').ToArray());
        Assert.DoesNotContain(ssn, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(digits, everythingDigits, StringComparison.Ordinal);

        // The area and group (first 5 digits) are what masking hides.
        Assert.DoesNotContain(digits[..5], everythingDigits, StringComparison.Ordinal);
    }

    private static async Task<Run> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CeeApp.RunAsync(args, output, error, outputRedirected: true);
        var text = output.ToString();
        var results = args.Contains("--json") && exitCode != ExitCodes.Usage
            ? JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => e.Clone()).ToList()
            : [];
        return new Run(exitCode, text, error.ToString(), results);
    }

    private sealed record Run(int ExitCode, string Output, string Error, IReadOnlyList<JsonElement> Results);
}
