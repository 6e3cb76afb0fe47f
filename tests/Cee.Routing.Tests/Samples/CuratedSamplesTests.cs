using Cee.Routing.Intake;
using Cee.Routing.Tests.Support;
using Cee.Samples;
using Cee.Tests;

namespace Cee.Routing.Tests.Samples;

/// <summary>The committed <c>samples/</c> folder is exactly what <see cref="CuratedSamples"/> writes, and each drop reads as documented.</summary>
public class CuratedSamplesTests
{
    private static readonly string SamplesFolder = Path.Combine(RepositoryPaths.Root, "samples");

    // Deliberately not DIS-schema-valid: they show the reader refusing them.
    private static readonly HashSet<string> NotSchemaValid = new(StringComparer.Ordinal) { "2704/truncated.xml", "2704/xxe-attempt.xml" };

    [Fact]
    public void Files_CommittedSamples_AreExactlyWhatItWrites()
    {
        var files = CuratedSamples.Files();
        if (Environment.GetEnvironmentVariable("CEE_WRITE_SAMPLES") == "1")
        {
            foreach (var file in files)
            {
                var path = Path.Combine(SamplesFolder, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }
        }

        var committed = Directory.GetFiles(SamplesFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SamplesFolder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(files.Select(f => f.Path), committed);
        Assert.All(files, file => Assert.True(
            file.Content.SequenceEqual(File.ReadAllBytes(Path.Combine(SamplesFolder, file.Path))),
            $"samples/{file.Path} differs from what CuratedSamples writes; regenerate with CEE_WRITE_SAMPLES=1"));
    }

    [Fact]
    public void Drops_EveryDropFile_HasItsExpectation()
    {
        var dropFiles = CuratedSamples.Files()
            .Where(f => f.Path.StartsWith(CuratedSamples.DropsFolder + "/", StringComparison.Ordinal) && !f.Path.EndsWith(".cee.json", StringComparison.Ordinal))
            .Select(f => f.Path[(CuratedSamples.DropsFolder.Length + 1)..]);

        Assert.Equal(dropFiles, CuratedSamples.Drops.Select(d => d.Path));
    }

    public static TheoryData<string> DropPaths() => [.. CuratedSamples.Drops.Select(d => d.Path)];

    [Theory]
    [MemberData(nameof(DropPaths))]
    public async Task ReadAsync_EachDrop_HasItsDocumentedVerdictAndFinding(string path)
    {
        var expected = CuratedSamples.Drops.Single(d => d.Path == path);
        var files = CuratedSamples.Files().ToDictionary(f => f.Path, f => f.Content);
        var manifestPath = $"{CuratedSamples.DropsFolder}/{path}.cee.json";
        var manifest = files.TryGetValue(manifestPath, out var json) ? DropMetadata.FromManifestJson(json, manifestPath) : null;

        var (result, _) = await Intakes.ReadAsync(files[$"{CuratedSamples.DropsFolder}/{path}"], $"port-drops/{path}", manifest);

        Assert.Equal(expected.Verdict, result.Verdict);
        if (expected.Finding is not null)
        {
            Assert.Contains(expected.Finding, result.Codes());
        }
        else if (expected.Verdict == IntakeVerdict.Accept)
        {
            Assert.DoesNotContain(result.Findings, f => f.Severity != FindingSeverity.Info);
        }
    }

    [SchemaFact]
    public void Validate_DisDrops_PassCbpsDisSchema()
    {
        var files = CuratedSamples.Drops
            .Where(d => d.Path.EndsWith(".xml", StringComparison.Ordinal) && !NotSchemaValid.Contains(d.Path))
            .Select(d => Path.Combine(SamplesFolder, CuratedSamples.DropsFolder, d.Path))
            .ToList();
        Assert.True(files.Count >= 10, "the sample set lost its DIS packages");

        var problems = DisSchema.ValidateFiles(files);

        Assert.True(problems.Count == 0, Describe(problems));
    }

    [SchemaFact]
    public void Validate_BuilderPackages_PassCbpsDisSchema()
    {
        var packages = new Dictionary<string, byte[]>
        {
            ["full.xml"] = DisPackageBuilder.EntrySummary()
                .WithEntry("61103170", "002").WithTradeImporter("98-765432100").WithBill("MAEU", "MAEU123456789")
                .WithRequest("CF28-2704-0001187", "CF28", "2026-11-01T09:00:00Z").WithComment("resubmitted")
                .WithBase64LineLength(76)
                .WithDocument(SampleDocuments.Pdf(), configure: d =>
                {
                    d.Agencies.Add("CBP");
                    d.InvoiceLines.Add(("8471.30.0100", "1"));
                    d.Commodities.Add(("8703.23.0190", "3"));
                    d.CertificateImporter = "12-345678900";
                    d.PermitImporter = "12-345678900";
                    d.PreviouslySubmitted = "N";
                })
                .ToBytes(),
            ["compact.xml"] = DisPackageBuilder.TwoDocumentSample().Compact().ToBytes(),
            ["review.xml"] = DisPackageBuilder.EntrySummary().WithPayload("DocumentWithdrawal").WithPort(null).ToBytes(),
        };

        var problems = packages
            .Select(p => (p.Key, Problems: DisSchema.Validate(p.Value)))
            .Where(p => p.Problems.Count > 0)
            .ToDictionary(p => p.Key, p => p.Problems);

        Assert.True(problems.Count == 0, Describe(problems));
    }

    [SchemaFact]
    public void Validate_DeliberatelyBadDrops_FailCbpsDisSchema()
    {
        var files = NotSchemaValid.Select(path => Path.Combine(SamplesFolder, CuratedSamples.DropsFolder, path)).ToList();

        var problems = DisSchema.ValidateFiles(files);

        Assert.Equal(files.Order(StringComparer.Ordinal), problems.Keys.Order(StringComparer.Ordinal));
    }

    [SchemaFact]
    public void Validate_PackageMissingItsHeader_ReportsTheSchemaError()
    {
        // The validator itself must be able to fail: a package without its MessageHeader is not DIS.
        var xml = System.Text.Encoding.UTF8.GetBytes(
            "<MessageEnvelope xmlns=\"http://cbp.dhs.gov/DIS\"><MessageBody/></MessageEnvelope>");

        var problems = DisSchema.Validate(xml);

        Assert.Contains(problems, p => p.Contains("MessageHeader", StringComparison.Ordinal) || p.Contains("MessageBody", StringComparison.Ordinal));
    }

    private static string Describe(IReadOnlyDictionary<string, IReadOnlyList<string>> problems) =>
        string.Join(Environment.NewLine, problems.Select(p => $"{p.Key}: {string.Join("; ", p.Value)}"));
}
