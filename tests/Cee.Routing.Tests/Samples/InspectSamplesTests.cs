using Cee.Routing.Intake;
using Cee.Routing.Tests.Architecture;
using Cee.Routing.Tests.Support;

namespace Cee.Routing.Tests.Samples;

public class InspectSamplesTests
{
    private static string SamplesFolder => Path.Combine(CoreDependencyTests.RepositoryRoot(), InspectSamples.Folder);

    [Fact]
    public void All_CommittedSamples_AreExactlyWhatItWrites()
    {
        var samples = InspectSamples.All();
        if (Environment.GetEnvironmentVariable("CEE_WRITE_SAMPLES") == "1")
        {
            Directory.CreateDirectory(SamplesFolder);
            foreach (var (name, bytes) in samples)
            {
                File.WriteAllBytes(Path.Combine(SamplesFolder, name), bytes);
            }
        }

        var committed = Directory.GetFiles(SamplesFolder).Select(Path.GetFileName).Where(n => n != "README.md").Order(StringComparer.Ordinal);
        Assert.Equal(samples.Keys, committed);
        Assert.All(samples, sample => Assert.True(
            sample.Value.SequenceEqual(File.ReadAllBytes(Path.Combine(SamplesFolder, sample.Key))),
            $"{sample.Key} differs from what the generator writes; regenerate with CEE_WRITE_SAMPLES=1"));
    }

    [Theory]
    [InlineData("entry-summary-2704.xml", IntakeVerdict.Accept, null)]
    [InlineData("cf28-response-2704.xml", IntakeVerdict.Accept, null)]
    [InlineData("bad-check-digit.xml", IntakeVerdict.Reject, FindingCodes.EntryCheckDigit)]
    [InlineData("document-withdrawal.xml", IntakeVerdict.Reject, FindingCodes.UnsupportedPayload)]
    [InlineData("commercial-invoice.pdf", IntakeVerdict.Accept, null)]
    [InlineData("unlabelled-scan.png", IntakeVerdict.Warn, FindingCodes.NoManifest)]
    public async Task ReadAsync_EachSample_HasItsDocumentedVerdict(string name, IntakeVerdict verdict, string? code)
    {
        var bytes = InspectSamples.All()[name];
        var manifest = InspectSamples.All().TryGetValue(name + ".cee.json", out var json) ? DropMetadata.FromManifestJson(json, name + ".cee.json") : null;

        var (result, _) = await Intakes.ReadAsync(bytes, $"port-drops/2704/{name}", manifest);

        Assert.Equal(verdict, result.Verdict);
        Assert.Equal(code is null ? [] : [code], result.Codes());
    }

    [SchemaFact]
    public void Validate_XmlSamples_PassCbpsDisSchema()
    {
        var files = Directory.GetFiles(SamplesFolder, "*.xml");
        Assert.Equal(4, files.Length);

        var (exitCode, output) = XmlLint.Validate(files);

        Assert.True(exitCode == 0, output);
        Assert.All(files, f => Assert.Contains($"{f} validates", output, StringComparison.Ordinal));
    }

    [SchemaFact]
    public void Validate_BuilderPackages_PassCbpsDisSchema()
    {
        var folder = Directory.CreateTempSubdirectory("cee-dis-");
        try
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
            foreach (var (name, bytes) in packages)
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, name), bytes);
            }

            var (exitCode, output) = XmlLint.Validate(packages.Keys.Select(n => Path.Combine(folder.FullName, n)));

            Assert.True(exitCode == 0, output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
