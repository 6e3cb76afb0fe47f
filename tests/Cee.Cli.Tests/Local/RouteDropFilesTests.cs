using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Cee.Cli.Local;
using Cee.Routing.Intake;
using Cee.Tests;

namespace Cee.Cli.Tests.Local;

/// <summary>
/// One bad drop never stops a run: links (dangling, to a secret, to a device), pipes, broken
/// manifests, names too long for a reasons file and files over the package limit each end Rejected
/// with their reason, unread where reading would be unsafe, and every other drop still routes.
/// </summary>
public sealed class RouteDropFilesTests : IDisposable
{
    private static readonly string Samples = RepositoryPaths.Combine("samples", "drops");

    // Long enough to show a hang, far longer than the run.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private readonly TempDirectory _drops = new();
    private readonly TempDirectory _out = new();

    public RouteDropFilesTests()
    {
        Directory.CreateDirectory(_drops.Combine("2704"));
        File.Copy(Path.Combine(Samples, "2704", "entry-summary-electronics.xml"), _drops.Combine("2704", "good.xml"));
    }

    public void Dispose()
    {
        _drops.Dispose();
        _out.Dispose();
    }

    [Fact]
    public async Task Route_LinksPipeAndLinkToADevice_AreRejectedUnreadAndTheRunGoesOn()
    {
        File.CreateSymbolicLink(_drops.Combine("2704", "dangling.pdf"), "/no/such/file.pdf");
        File.CreateSymbolicLink(_drops.Combine("2704", "passwd.pdf"), "/etc/passwd");
        File.CreateSymbolicLink(_drops.Combine("2704", "zero.xml"), "/dev/zero");
        Directory.CreateSymbolicLink(_drops.Combine("2704", "elsewhere"), Samples);
        MakeFifo(_drops.Combine("2704", "pipe.pdf"));

        var run = await CliRun.InvokeAsync(Route("--json")).WaitAsync(Patience);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var documents = run.Json().EnumerateArray().GroupBy(d => d.GetProperty("source").GetString()!).ToDictionary(g => g.Key, g => g.First());
        Assert.Equal("Routed", documents["2704/good.xml"].GetProperty("state").GetString());
        foreach (var (name, what) in new[] { ("dangling.pdf", "symbolic link"), ("passwd.pdf", "symbolic link"), ("zero.xml", "symbolic link"), ("elsewhere", "symbolic link"), ("pipe.pdf", "named pipe") })
        {
            var document = documents["2704/" + name];
            Assert.Equal("Rejected", document.GetProperty("state").GetString());
            Assert.Contains($"[{FindingCodes.DropNotRegularFile}]", document.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
            Assert.Contains(what, document.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);

            // Quarantine keeps a reference (the reasons), never what the link points at.
            var quarantined = _out.Combine(FolderDropStore.QuarantineFolder, "2704", name);
            Assert.False(Path.Exists(quarantined), $"{name} was copied into quarantine");
            var reasons = JsonDocument.Parse(await File.ReadAllTextAsync(quarantined + FolderDropStore.ReasonsSuffix)).RootElement;
            Assert.Equal(QuarantineReasons.KeptReference, reasons.GetProperty("kept").GetString());
        }

        // The linked folder was not walked into.
        Assert.DoesNotContain(documents.Keys, k => k.StartsWith("2704/elsewhere/", StringComparison.Ordinal));
        Assert.DoesNotContain("root:", string.Concat(Directory.GetFiles(_out.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x70, 0x6F, 0x72, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D }, "not valid UTF-8")]
    [InlineData(new byte[] { 0x7B, 0x22, 0x70, 0x6F, 0x72, 0x74, 0x22, 0x3A, 0x22, 0x5C, 0x75, 0x64, 0x38, 0x30, 0x30, 0x22, 0x7D }, "lone surrogate")]
    public async Task Route_ManifestThatIsNotText_RejectsThatDropWithAFindingAndExitsZero(byte[] manifest, string says)
    {
        File.Copy(Path.Combine(Samples, "2704", "commercial-invoice.pdf"), _drops.Combine("2704", "scan.pdf"));
        await File.WriteAllBytesAsync(_drops.Combine("2704", "scan.pdf" + FolderDropStore.ManifestSuffix), manifest);

        var first = await CliRun.InvokeAsync(Route("--json"));
        var again = await CliRun.InvokeAsync(Route("--json"));

        foreach (var run in new[] { first, again })
        {
            Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
            var scan = run.Json().EnumerateArray().Single(d => d.GetProperty("source").GetString() == "2704/scan.pdf");
            Assert.Equal("Rejected", scan.GetProperty("state").GetString());
            Assert.Contains($"[{FindingCodes.ManifestEncoding}]", scan.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
            Assert.Contains(says, scan.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(manifest, await File.ReadAllBytesAsync(_out.Combine(FolderDropStore.QuarantineFolder, "2704", "scan.pdf" + FolderDropStore.ManifestSuffix)));
    }

    [Fact]
    public async Task Route_NameTooLongForItsReasonsFile_StillQuarantinesUnderAShortenedName()
    {
        var name = new string('n', 240) + ".xml";
        await File.WriteAllTextAsync(_drops.Combine("2704", name), "this is not a DIS package, nor a PDF");

        var run = await CliRun.InvokeAsync(Route("--json"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var rejected = run.Json().EnumerateArray().Single(d => d.GetProperty("source").GetString() == "2704/" + name);
        Assert.Equal("Rejected", rejected.GetProperty("state").GetString());
        var kept = QuarantineNames.For("2704/" + name);
        Assert.NotEqual("2704/" + name, kept);
        Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(kept) + FolderDropStore.ReasonsSuffix) <= QuarantineNames.MaxFileNameBytes);
        var target = _out.Combine(FolderDropStore.QuarantineFolder, kept);
        Assert.Equal(await File.ReadAllBytesAsync(_drops.Combine("2704", name)), await File.ReadAllBytesAsync(target));
        var reasons = JsonDocument.Parse(await File.ReadAllTextAsync(target + FolderDropStore.ReasonsSuffix)).RootElement;
        Assert.Equal("2704/" + name, reasons.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Route_DropOverThePackageLimit_IsRejectedUnreadAndNotCopied()
    {
        // 4 GiB, sparse: reading or copying it would take minutes and fill the disk.
        using (var huge = new FileStream(_drops.Combine("2704", "huge.xml"), FileMode.CreateNew))
        {
            huge.SetLength(4L << 30);
        }

        var clock = Stopwatch.StartNew();
        var run = await CliRun.InvokeAsync(Route("--json")).WaitAsync(Patience);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}: was the drop read?");
        var rejected = run.Json().EnumerateArray().Single(d => d.GetProperty("source").GetString() == "2704/huge.xml");
        Assert.Contains($"[{FindingCodes.DropTooLarge}]", rejected.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        var target = _out.Combine(FolderDropStore.QuarantineFolder, "2704", "huge.xml");
        Assert.False(File.Exists(target));
        var reasons = JsonDocument.Parse(await File.ReadAllTextAsync(target + FolderDropStore.ReasonsSuffix)).RootElement;
        Assert.Equal(4L << 30, reasons.GetProperty("size").GetInt64());
        Assert.Equal(QuarantineReasons.KeptReference, reasons.GetProperty("kept").GetString());
    }

    [Fact]
    public async Task Route_IdenticalDropsAtOnce_TheFirstByPathRoutesWhateverTheParallelism()
    {
        for (var i = 0; i < 12; i++)
        {
            File.Copy(_drops.Combine("2704", "good.xml"), _drops.Combine("2704", $"copy-{i:00}.xml"));
        }

        var run = await CliRun.InvokeAsync(Route("--json", "--parallel", "16"));

        var states = run.Json().EnumerateArray()
            .GroupBy(d => d.GetProperty("source").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(d => d.GetProperty("state").GetString()).Distinct().Single());
        Assert.Equal("Routed", states["2704/copy-00.xml"]);
        Assert.All(states.Where(s => s.Key != "2704/copy-00.xml"), s => Assert.Equal("Duplicate", s.Value));
    }

    [Fact]
    public async Task Inspect_NamedPipe_RefusesAtOnceInsteadOfWaitingForAWriter()
    {
        var pipe = _drops.Combine("2704", "pipe.xml");
        MakeFifo(pipe);

        var run = await CliRun.InvokeAsync("inspect", pipe).WaitAsync(Patience);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("is a named pipe (FIFO), not a regular file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_OutWrittenByAnOlderCee_RefusesRatherThanRouteItsDropsAgain()
    {
        Directory.CreateDirectory(_out.Combine("ledger"));
        await File.WriteAllTextAsync(_out.Combine("ledger", "transitions.jsonl"), "{}\n");

        var run = await CliRun.InvokeAsync(Route());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("JSON-lines ledger of an older cee", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out.Combine("topics")));
    }

    private string[] Route(params string[] more) =>
        ["route", _drops.Path, "--accounts", RepositoryPaths.Combine("samples", "accounts.json"), "--out", _out.Path, .. more];

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false }) ?? throw new InvalidOperationException("mkfifo did not start");
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
