using System.Text;
using Cee.Tests;

namespace Cee.Cli.Tests;

/// <summary>
/// An SSN-form value anywhere a filer writes free text (CBPRequestID, DocumentID, a file name, a
/// manifest) and anywhere a person types (cee check, paths and options) is masked in every output:
/// what is printed, every file written, the ledger database itself.
/// </summary>
public sealed class SsnMaskingTests : IDisposable
{
    private static readonly string Samples = RepositoryPaths.Combine("samples", "drops");
    private static readonly string[] Forms = ["078-05-1120", "078051120", "078 05 1120"];

    private readonly TempDirectory _drops = new();
    private readonly TempDirectory _out = new();

    public void Dispose()
    {
        _drops.Dispose();
        _out.Dispose();
    }

    [Fact]
    public async Task RouteStatusAndInspect_SsnInRequestIdDocumentIdAndNames_AreMaskedEverywhere()
    {
        Directory.CreateDirectory(_drops.Combine("2704"));
        var cf28 = (await File.ReadAllTextAsync(Path.Combine(Samples, "2704", "cf28-response.xml")))
            .Replace("<CBPRequestID>CF28-2704-0001187</CBPRequestID>", "<CBPRequestID>078-05-1120</CBPRequestID>", StringComparison.Ordinal)
            .Replace("<DocumentID>CF28-RESP-1</DocumentID>", "<DocumentID>078051120</DocumentID>", StringComparison.Ordinal);
        await File.WriteAllTextAsync(_drops.Combine("2704", "cf28 reply 078 05 1120.xml"), cf28);
        File.Copy(Path.Combine(Samples, "2704", "commercial-invoice.pdf"), _drops.Combine("2704", "078-05-1120.pdf"));
        await File.WriteAllTextAsync(_drops.Combine("2704", "078-05-1120.pdf.cee.json"),
            """{ "port": "2704", "filer": "002", "entryNumbers": ["002-6110316-2"], "documentLabel": "Invoice 078-05-1120", "cbpRequestId": "078051120" }""");
        await File.WriteAllTextAsync(_drops.Combine("2704", "078-05-1120.txt"), "rejected: neither DIS nor an image");

        var outputs = new List<CliRun>
        {
            await CliRun.InvokeAsync("route", _drops.Path, "--out", _out.Path, "--json"),
            await CliRun.InvokeAsync("route", _drops.Path, "--out", _out.Path),
            await CliRun.InvokeAsync("status", _out.Path, "--json"),
            await CliRun.InvokeAsync("status", _out.Path),
            await CliRun.InvokeAsync("inspect", _drops.Combine("2704", "cf28 reply 078 05 1120.xml"), "--json"),
            await CliRun.InvokeAsync("inspect", _drops.Combine("2704", "078-05-1120.pdf")),
        };

        Assert.Equal(ExitCodes.Ok, outputs[0].ExitCode);
        Assert.Contains("***-**-1120", outputs[2].Output, StringComparison.Ordinal);
        var written = Directory.GetFiles(_out.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_out.Path, f) + "\n" + Encoding.Latin1.GetString(File.ReadAllBytes(f)));
        foreach (var text in outputs.SelectMany(r => new[] { r.Output, r.Error }).Concat(written))
        {
            foreach (var form in Forms)
            {
                Assert.DoesNotContain(form, text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("check", "078-05-1120")]
    [InlineData("check", "--kind", "entry", "078-05-1120")]
    [InlineData("check", "--kind", "hts", "078-05-1120")]
    [InlineData("check", "--kind", "port", "078051120")]
    [InlineData("check", "--kind", "protest", "078 05 1120")]
    [InlineData("check", "--json", "078-05-1120", "#078051120")]
    [InlineData("check", "--bogus", "078-05-1120")]
    [InlineData("route", "/no/such/078-05-1120")]
    [InlineData("route", "--parallel", "078051120", ".")]
    [InlineData("inspect", "/no/such/078-05-1120.pdf")]
    [InlineData("status", "/no/such/078-05-1120")]
    [InlineData("status", ".", "--document", "078-05-1120", "--entry", "078-05-1120")]
    public async Task Verbs_SsnShapedInputOrPath_AreNeverEchoedUnmasked(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        foreach (var form in Forms)
        {
            Assert.DoesNotContain(form, run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(form, run.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
