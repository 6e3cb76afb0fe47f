using System.Xml.Linq;
using Cee.Cli.Local;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Intake;
using Cee.Samples;
using Cee.Tests;

namespace Cee.Cli.Tests;

/// <summary><c>cee route</c> answers the port: one MessageValidationResponse per drop under <c>responses/</c>, schema-valid, the same bytes on a re-run.</summary>
public sealed class RouteResponsesTests : IDisposable
{
    private static readonly XNamespace Dis = "http://cbp.dhs.gov/DIS";

    private readonly TempDirectory _out = new();

    private static string SamplesRoot => Path.Combine(RepositoryPaths.Root, "samples");

    public void Dispose() => _out.Dispose();

    [SchemaFact]
    public async Task Route_Samples_EachDropHasASchemaValidResponseWithItsVerdict()
    {
        var run = await CliRun.InvokeAsync(Route(_out.Path));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var expected in CuratedSamples.Drops)
        {
            var path = _out.Combine(FolderPortResponder.Folder, expected.Path + PortResponse.ValidationSuffix);
            Assert.True(File.Exists(path), $"{expected.Path} has no response at {path}");
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Empty(DisSchema.Validate(bytes));
            var status = XDocument.Parse(await File.ReadAllTextAsync(path))
                .Descendants(Dis + "MessageProcessingResult").Single().Element(Dis + "ProcessingStatus")!.Value;
            Assert.Equal(expected.Verdict == IntakeVerdict.Reject ? DisResponses.Rejected : DisResponses.Accepted, status);
        }

        Assert.False(Directory.Exists(_out.Combine(".cee-tmp")), "a complete run leaves no temporary file");
    }

    [Fact]
    public async Task Route_SamplesTwice_ResponsesAreTheSameBytes()
    {
        await CliRun.InvokeAsync(Route(_out.Path));
        var first = Snapshot();

        var again = await CliRun.InvokeAsync(Route(_out.Path));

        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Equal(first, Snapshot());
        Assert.Equal(CuratedSamples.Drops.Count, first.Count(f => f.Key.EndsWith(PortResponse.ValidationSuffix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Route_ResponseDeletedAfterTheRun_RerunWritesItBackIdentical()
    {
        // What a crash between the ledger's commit and the answer's rename leaves: the state, no answer.
        await CliRun.InvokeAsync(Route(_out.Path));
        var clean = Snapshot();
        var lost = _out.Combine(FolderPortResponder.Folder, "2704", "bad-check-digit.xml" + PortResponse.ValidationSuffix);
        File.Delete(lost);

        await CliRun.InvokeAsync(Route(_out.Path));

        Assert.Equal(clean, Snapshot());
    }

    [Theory]
    [InlineData(".response.xml")]
    [InlineData(".012.review.xml")]
    public void PathOf_LongestFileNameADropCanHave_FitsAFileName(string suffix)
    {
        var source = "2704/" + new string('a', 255);
        var response = new PortResponse(PortResponse.CurrentVersion, "d", source, "2704", PortResponse.ReviewKind, suffix, "m", "<x/>");

        var name = Path.GetFileName(FolderPortResponder.PathOf(response));

        Assert.True(name.Length <= 255, $"{name.Length} bytes");
        Assert.EndsWith(suffix, name, StringComparison.Ordinal);
    }

    private static string[] Route(string outDir) =>
        ["route", Path.Combine(SamplesRoot, "drops"), "--accounts", Path.Combine(SamplesRoot, "accounts.json"),
         "--requests", Path.Combine(SamplesRoot, "requests.json"), "--out", outDir];

    private SortedDictionary<string, string> Snapshot()
    {
        var root = _out.Combine(FolderPortResponder.Folder);
        return new SortedDictionary<string, string>(
            Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText),
            StringComparer.Ordinal);
    }
}
