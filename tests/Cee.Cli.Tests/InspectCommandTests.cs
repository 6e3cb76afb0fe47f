using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cee.Tests;

namespace Cee.Cli.Tests;

// Runs `cee inspect` on the committed samples (samples/drops, made by code in src/Cee.Samples)
// and on hostile files written here. SSNs are the SSA's void specimen 078-05-1120.
public sealed class InspectCommandTests : IDisposable
{
    private static readonly string[] TopLevelFields = ["kind", "verdict", "findings", "port", "filer", "entries", "importer", "cbpRequestId", "documents", "lines"];
    private static readonly string[] DocumentFields = ["id", "label", "kind", "fileName", "declaredType", "detectedType", "size", "sha256"];
    private static readonly string[] FindingFields = ["code", "severity", "message", "path"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cee-inspect-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Inspect_DisSampleJson_HasExactlyTheDocumentedFields()
    {
        var run = await CliRun.InvokeAsync("inspect", Sample("2704/bad-check-digit.xml"), "--json");

        var json = run.Json();
        Assert.Equal(TopLevelFields, json.EnumerateObject().Select(p => p.Name));
        Assert.All(json.GetProperty("documents").EnumerateArray(), d => Assert.Equal(DocumentFields, d.EnumerateObject().Select(p => p.Name)));
        Assert.All(json.GetProperty("findings").EnumerateArray(), f => Assert.Equal(FindingFields, f.EnumerateObject().Select(p => p.Name)));
        Assert.NotEmpty(json.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task Inspect_EntrySummarySample_ReportsWhatRoutingGetsAndExitsZero()
    {
        var run = await CliRun.InvokeAsync("inspect", Sample("2704/entry-summary-electronics.xml"), "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var json = run.Json();
        Assert.Equal(("dis", "accept"), (json.GetProperty("kind").GetString(), json.GetProperty("verdict").GetString()));
        Assert.Equal(("2704", "002", "12-345678900"), (json.GetProperty("port").GetString(), json.GetProperty("filer").GetString(), json.GetProperty("importer").GetString()));
        Assert.Equal(["002-6110316-2"], json.GetProperty("entries").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("cbpRequestId").ValueKind);
        Assert.Equal(
            [("8471300100", 1), ("8471410150", 2)],
            json.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("hts").GetString(), l.GetProperty("line").GetInt32())));
        var documents = json.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["pdf", "png"], documents.Select(d => d.GetProperty("detectedType").GetString()));
        Assert.Equal(["entry-summary", "entry-summary"], documents.Select(d => d.GetProperty("kind").GetString()));
        Assert.All(documents, d => Assert.EndsWith($"-00{documents.IndexOf(d) + 1}", d.GetProperty("id").GetString(), StringComparison.Ordinal));
        var pdf = await File.ReadAllBytesAsync(Sample("2704/commercial-invoice.pdf"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), documents[0].GetProperty("sha256").GetString());
        Assert.Equal(pdf.Length, documents[0].GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Inspect_Cf28ResponseSample_KindsAreTheResponseAndTheRequestIsNamed()
    {
        var run = await CliRun.InvokeAsync("inspect", Sample("2704/cf28-response.xml"), "--json");

        var json = run.Json();
        Assert.Equal("CF28-2704-0001187", json.GetProperty("cbpRequestId").GetString());
        Assert.All(json.GetProperty("documents").EnumerateArray(), d => Assert.Equal("cf28-response", d.GetProperty("kind").GetString()));
        Assert.Equal(["pdf", "tiff"], json.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("detectedType").GetString()));
    }

    [Fact]
    public async Task Inspect_BadCheckDigitSample_RejectsWithTheFindingAndExitsOne()
    {
        var run = await CliRun.InvokeAsync("inspect", Sample("2704/bad-check-digit.xml"), "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        var json = run.Json();
        Assert.Equal("reject", json.GetProperty("verdict").GetString());
        var finding = Assert.Single(json.GetProperty("findings").EnumerateArray());
        Assert.Equal(("entry.check-digit", "error"), (finding.GetProperty("code").GetString(), finding.GetProperty("severity").GetString()));
        Assert.EndsWith("check digit is 3; the number computes 2", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_BareDocument_FindsTheSidecarManifestBesideIt()
    {
        var run = await CliRun.InvokeAsync("inspect", Sample("2704/commercial-invoice.pdf"), "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var json = run.Json();
        Assert.Equal(("document", "accept"), (json.GetProperty("kind").GetString(), json.GetProperty("verdict").GetString()));
        Assert.Equal("12-345678900", json.GetProperty("importer").GetString());
        var document = Assert.Single(json.GetProperty("documents").EnumerateArray());
        Assert.Equal(("Commercial Invoice", "commercial-invoice.pdf", "pdf"), (document.GetProperty("label").GetString(), document.GetProperty("fileName").GetString(), document.GetProperty("declaredType").GetString()));
    }

    [Fact]
    public async Task Inspect_ManifestOption_IsUsedInsteadOfTheSidecar()
    {
        var manifest = Write("other.json", """{ "port": "1001", "importerNumber": "98-765432100" }""");

        var run = await CliRun.InvokeAsync("inspect", Sample("2704/commercial-invoice.pdf"), "--manifest", manifest, "--json");

        var json = run.Json();
        Assert.Equal(("1001", "98-765432100"), (json.GetProperty("port").GetString(), json.GetProperty("importer").GetString()));
    }

    [Fact]
    public async Task Inspect_BareDocumentWithoutManifest_WarnsAndExitsZero()
    {
        var run = await CliRun.InvokeAsync("inspect", Sample("2006/unlabelled-scan.png"), "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var json = run.Json();
        Assert.Equal("warn", json.GetProperty("verdict").GetString());
        Assert.Equal(["document.no-manifest"], json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("importer").ValueKind);
    }

    [Fact]
    public async Task Inspect_Table_ShowsVerdictDocumentsLinesAndFindings()
    {
        var run = await CliRun.InvokeAsync("inspect", Sample("2704/bad-check-digit.xml"));

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("reject", run.Output, StringComparison.Ordinal);
        Assert.Contains("2704 Los Angeles", run.Output, StringComparison.Ordinal);
        Assert.Contains("commercial-invoice.pdf", run.Output, StringComparison.Ordinal);
        Assert.Contains("entry.check-digit", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 document(s), 0 HTS line(s), 1 finding(s).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_MissingFile_IsAUsageErrorExitingTwo()
    {
        var run = await CliRun.InvokeAsync("inspect", Path.Combine(_folder.FullName, "nowhere.xml"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task Inspect_MissingManifestFile_IsAUsageErrorExitingTwo()
    {
        var run = await CliRun.InvokeAsync("inspect", Sample("2704/commercial-invoice.pdf"), "--manifest", Path.Combine(_folder.FullName, "none.json"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("manifest", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_NoFileArgument_IsAUsageErrorExitingTwo()
    {
        var run = await CliRun.InvokeAsync("inspect");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Theory]
    [InlineData("xxe")]
    [InlineData("laughs")]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("deep")]
    [InlineData("base64")]
    public async Task Inspect_HostileInput_RejectsWithAFindingAndNeverPrintsAStackTrace(string kind)
    {
        var sample = await File.ReadAllTextAsync(Sample("2704/entry-summary-electronics.xml"));
        var content = kind switch
        {
            "xxe" => sample.Replace("<MessageEnvelope", "<!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<MessageEnvelope", StringComparison.Ordinal).Replace("LAX<", "&x;<", StringComparison.Ordinal),
            "laughs" => "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><MessageEnvelope xmlns=\"http://cbp.dhs.gov/DIS\">&c;</MessageEnvelope>",
            "truncated" => sample[..(sample.Length / 2)],
            "garbage" => "<" + new string('\u0001', 100),
            "deep" => "<MessageEnvelope xmlns=\"http://cbp.dhs.gov/DIS\">" + string.Concat(Enumerable.Repeat("<a>", 100_000)),
            _ => sample.Replace("<DocumentObject>", "<DocumentObject>%%%", StringComparison.Ordinal),
        };
        var file = Write($"{kind}.xml", content);

        var run = await CliRun.InvokeAsync("inspect", file, "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Equal("reject", run.Json().GetProperty("verdict").GetString());
        Assert.NotEmpty(run.Json().GetProperty("findings").EnumerateArray());
        Assert.Equal(string.Empty, run.Error);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_RandomBytes_RejectsAsAnUnsupportedDocumentWithoutAStackTrace()
    {
        var bytes = new byte[4096];
        new Random(17).NextBytes(bytes);
        bytes[0] = 0x01;
        var file = Path.Combine(_folder.FullName, "noise.bin");
        await File.WriteAllBytesAsync(file, bytes);

        var run = await CliRun.InvokeAsync("inspect", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("document.unsupported-type", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_SsnImporter_IsMaskedInJsonAndInTheTable()
    {
        var sample = await File.ReadAllTextAsync(Sample("2704/entry-summary-electronics.xml"));
        var file = Write("sole-proprietor.xml", sample.Replace("12-345678900", "078-05-1120", StringComparison.Ordinal));

        var json = await CliRun.InvokeAsync("inspect", file, "--json");
        var table = await CliRun.InvokeAsync("inspect", file);

        Assert.Equal("***-**-1120", json.Json().GetProperty("importer").GetString());
        Assert.Contains("***-**-1120 (ssn)", table.Output, StringComparison.Ordinal);
        Assert.All(new[] { json.Output, json.Error, table.Output, table.Error }, text =>
        {
            Assert.DoesNotContain("078-05-1120", text, StringComparison.Ordinal);
            Assert.DoesNotContain("078051120", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Inspect_MalformedSsnLikeImporterInAManifest_IsMaskedInTheFinding()
    {
        var manifest = Write("m.json", """{ "importerNumber": "078-05-11200" }""");

        var run = await CliRun.InvokeAsync("inspect", Sample("2704/commercial-invoice.pdf"), "--manifest", manifest, "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("importer.malformed", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", run.Output, StringComparison.Ordinal);
    }

    private static string Sample(string path) => Path.Combine(RepositoryPaths.Root, "samples", "drops", path);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
