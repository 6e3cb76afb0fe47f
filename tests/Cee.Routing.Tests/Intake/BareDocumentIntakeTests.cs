using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cee.Routing.Documents;
using Cee.Routing.Drops;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;
using Cee.Routing.Tests.Support;
using Cee.Samples;

namespace Cee.Routing.Tests.Intake;

/// <summary>Bare PDF/TIFF/JPEG/PNG drops with a sidecar manifest, blob metadata, a broken manifest or none.</summary>
public class BareDocumentIntakeTests
{
    private const string Source = "port-drops/2704/commercial-invoice.pdf";

    private const string ManifestJson = """
        {
          "port": "2704",
          "filer": "002",
          "entryNumbers": ["002-6110316-2", "61103170"],
          "importerNumber": "12-345678900",
          "documentLabel": "Commercial Invoice",
          "cbpRequestId": "UNSOLICITED",
          "lines": [ { "hts": "8471.30.0100", "line": 1 }, { "hts": "8703.23.0190", "line": 2 } ]
        }
        """;

    [Fact]
    public async Task ReadAsync_PdfWithSidecarManifest_IsAcceptedWithTheManifestsFacts()
    {
        var pdf = SampleDocuments.Pdf();

        var (result, sink) = await Intakes.ReadAsync(pdf, Source, Intakes.Manifest(ManifestJson));

        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
        Assert.Empty(result.Findings);
        Assert.Equal(DropKind.Document, result.Kind);
        Assert.Equal(("2704", "002"), (result.Port, result.Filer));
        Assert.Equal(["002-6110316-2", "002-6110317-0"], result.Entries);
        Assert.Equal("12-345678900", Assert.Single(result.Importers).Masked);
        Assert.Null(result.CbpRequestId);
        Assert.Equal([new CommodityLine("8471300100", 1), new CommodityLine("8703230190", 2)], result.Lines);
        var document = Assert.Single(result.Documents);
        Assert.Equal((DropIds.DocumentId(result.DropId, 1), "Commercial Invoice", DocumentKind.EntrySummary), (document.Id, document.Label, document.Kind));
        Assert.Equal(("commercial-invoice.pdf", "pdf", "pdf", (long)pdf.Length), (document.FileName, document.DeclaredType, document.DetectedType, document.Size));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.Equal(sha256, document.Sha256);
        // The drop is the file and its manifest's facts (duplicate detection).
        Assert.Equal(DropIntake.BareDropContent(sha256, result), result.ContentSha256);
        Assert.NotEqual(sha256, result.ContentSha256);
        Assert.Equal(pdf, sink.BytesOf(document.Id));
    }

    [Fact]
    public async Task ReadAsync_SameKeysAsBlobMetadata_GivesTheSameResultAsTheSidecar()
    {
        var metadata = new Dictionary<string, string>
        {
            ["Port"] = "2704",
            ["filer"] = "002",
            ["entrynumbers"] = "002-6110316-2, 61103170",
            ["importerNumber"] = "12-345678900",
            ["documentLabel"] = "Commercial Invoice",
            ["cbpRequestId"] = "UNSOLICITED",
            ["lines"] = "8471.30.0100:1,8703.23.0190:2",
            ["hdi_isfolder"] = "false",
        };

        var (fromMetadata, _) = await Intakes.ReadAsync(SampleDocuments.Pdf(), Source, DropMetadata.FromBlobMetadata(metadata));
        var (fromSidecar, _) = await Intakes.ReadAsync(SampleDocuments.Pdf(), Source, Intakes.Manifest(ManifestJson));

        Assert.Equal(JsonSerializer.Serialize(fromSidecar), JsonSerializer.Serialize(fromMetadata));
    }

    [Fact]
    public async Task ReadAsync_MetadataLinesWithoutLineNumbers_AreKeptWithoutThem()
    {
        var metadata = new Dictionary<string, string> { ["lines"] = "8471.30.0100,8471410150" };

        var (result, _) = await Intakes.ReadAsync(SampleDocuments.Pdf(), Source, DropMetadata.FromBlobMetadata(metadata));

        Assert.Equal([new CommodityLine("8471300100", null), new CommodityLine("8471410150", null)], result.Lines);
    }

    [Theory]
    [InlineData("{ \"port\": \"2704\", ")]
    [InlineData("[\"2704\"]")]
    [InlineData("port=2704")]
    public async Task ReadAsync_MalformedManifest_WarnsAndKeepsTheDocument(string json)
    {
        var pdf = SampleDocuments.Pdf();

        var (result, sink) = await Intakes.ReadAsync(pdf, Source, Intakes.Manifest(json));

        Assert.Equal(IntakeVerdict.Warn, result.Verdict);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.ManifestMalformed, FindingSeverity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("commercial-invoice.pdf.cee.json", finding.Message, StringComparison.Ordinal);
        Assert.Equal(pdf, sink.BytesOf(Assert.Single(result.Documents).Id));
        Assert.Null(result.Port);
    }

    [Fact]
    public async Task ReadAsync_NoManifestAtAll_WarnsSoAPersonDecidesAndKeepsTheDocument()
    {
        var png = SampleDocuments.Png();

        var (result, sink) = await Intakes.ReadAsync(png, "port-drops/2704/scan-0417.png");

        Assert.Equal(IntakeVerdict.Warn, result.Verdict);
        Assert.Equal([FindingCodes.NoManifest], result.Codes());
        Assert.Empty(result.Importers);
        Assert.Empty(result.Lines);
        var document = Assert.Single(result.Documents);
        Assert.Equal((DocumentKind.Other, "png"), (document.Kind, document.DetectedType));
        Assert.Equal(png, sink.BytesOf(document.Id));
    }

    [Fact]
    public async Task ReadAsync_BlobMetadataWithoutAnyManifestKey_CountsAsNoManifest()
    {
        var metadata = new Dictionary<string, string> { ["hdi_isfolder"] = "false" };

        var (result, _) = await Intakes.ReadAsync(SampleDocuments.Pdf(), Source, DropMetadata.FromBlobMetadata(metadata));

        Assert.Equal([FindingCodes.NoManifest], result.Codes());
    }

    [Fact]
    public async Task ReadAsync_ManifestValuesOfTheWrongShapeOrUnknownKeys_WarnAndAreIgnored()
    {
        const string json = """{ "port": 2704, "entryNumber": "002-6110316-2", "lines": [ { "line": 1 }, { "hts": "8471.30.0100", "line": true } ], "importerNumber": "12-345678900" }""";

        var (result, _) = await Intakes.ReadAsync(SampleDocuments.Pdf(), Source, Intakes.Manifest(json));

        Assert.Equal(
            [FindingCodes.ManifestInvalidValue, FindingCodes.ManifestUnknownKey, FindingCodes.ManifestInvalidValue, FindingCodes.ManifestInvalidValue],
            result.Codes());
        Assert.Contains(result.Findings, f => f.Path == "port" && f.Message.Contains("leading zeros", StringComparison.Ordinal));
        Assert.Equal([new CommodityLine("8471300100", null)], result.Lines);
        Assert.Equal("12-345678900", Assert.Single(result.Importers).Masked);
        Assert.Equal(IntakeVerdict.Warn, result.Verdict);
    }

    [Fact]
    public async Task ReadAsync_ManifestWithInvalidIdentifiers_RejectsLikeADisPackage()
    {
        const string json = """{ "port": "27O4", "entryNumbers": ["002-6110316-3"], "importerNumber": "12-34567", "lines": [ { "hts": "8471.3O.0100", "line": 1 } ] }""";

        var (result, sink) = await Intakes.ReadAsync(SampleDocuments.Pdf(), Source, Intakes.Manifest(json));

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        Assert.Equal(
            [FindingCodes.PortMalformed, FindingCodes.EntryCheckDigit, FindingCodes.ImporterMalformed, FindingCodes.HtsMalformed],
            result.Codes());
        Assert.Equal(["port", "entryNumbers[0]", "importerNumber", "lines[0].hts"], result.Findings.Select(f => f.Path));
        Assert.Single(sink.Completed);
    }

    [Fact]
    public async Task ReadAsync_ManifestFilerAgainstItsEntries_IsCombinedAndChecked()
    {
        const string json = """{ "filer": "A7K", "entryNumbers": ["002-6110316-2"] }""";

        var (result, _) = await Intakes.ReadAsync(SampleDocuments.Pdf(), Source, Intakes.Manifest(json));

        Assert.Equal([FindingCodes.EntryFilerMismatch], result.Codes());
    }

    [Fact]
    public async Task ReadAsync_SsnInTheManifest_IsMaskedEverywhere()
    {
        const string json = """{ "importerNumber": "078-05-1120", "documentLabel": "Invoice for 078-05-1120" }""";

        var (result, sink) = await Intakes.ReadAsync(SampleDocuments.Pdf(), "port-drops/2704/078-05-1120.pdf", Intakes.Manifest(json));

        Assert.Equal("***-**-1120", Assert.Single(result.Importers).Masked);
        Assert.Equal("***-**-1120.pdf", Assert.Single(result.Documents).FileName);

        // The source is shown masked too (the host keeps the real name in its DropReference, to read the drop by).
        Assert.Equal("port-drops/2704/***-**-1120.pdf", result.Source);
        Assert.DoesNotContain("078-05-1120", JsonSerializer.Serialize(result), StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", JsonSerializer.Serialize(sink.Targets.Select(t => t.Pending)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    public async Task ReadAsync_ManifestNotValidUtf8_RejectsWithAnEncodingFinding(byte[] bad)
    {
        // A lead byte without its continuation, a surrogate encoded as UTF-8 (CESU-8), a byte UTF-8 never uses.
        byte[] json = [.. Encoding.UTF8.GetBytes("{ \"port\": \"2704\", \"documentLabel\": \"Invoice "), .. bad, .. Encoding.UTF8.GetBytes("\" }")];

        var (result, _) = await Intakes.ReadAsync(SampleDocuments.Pdf(), Source, DropMetadata.FromManifestJson(json, "scan.pdf.cee.json"));

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        var finding = Assert.Single(result.Errors);
        Assert.Equal(FindingCodes.ManifestEncoding, finding.Code);
        Assert.Contains("not valid UTF-8", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"documentLabel\": \"Invoice \\ud800\" }")]
    [InlineData("{ \"entryNumbers\": [ \"\\udc00002-6110316-2\" ] }")]
    [InlineData("{ \"\\ud83d\": \"2704\" }")]
    public async Task ReadAsync_ManifestEscapesALoneSurrogate_RejectsWithAnEncodingFinding(string json)
    {
        var (result, _) = await Intakes.ReadAsync(SampleDocuments.Pdf(), Source, Intakes.Manifest(json));

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        Assert.Equal(FindingCodes.ManifestEncoding, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Refuse_DropTheHostWouldNotRead_IsRejectedWithTheReasonAndNothingRead()
    {
        var drop = DropReference.For("2704/078-05-1120.pdf", "symboliclink:12:0");

        var result = DropIntake.Refuse(drop, new Finding(FindingCodes.DropNotRegularFile, FindingSeverity.Warning, "a symbolic link"));

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        Assert.Equal((FindingCodes.DropNotRegularFile, FindingSeverity.Error), (Assert.Single(result.Errors).Code, result.Findings[0].Severity));
        Assert.Empty(result.Documents);
        Assert.Empty(result.ContentSha256);
        Assert.Equal("2704/***-**-1120.pdf", result.Source);
    }

    [Fact]
    public async Task ReadAsync_ManifestLargerThanTheLimit_WarnsAndIsIgnored()
    {
        var json = $$"""{ "port": "2704", "documentLabel": "{{new string('x', 70_000)}}" }""";

        var (result, _) = await Intakes.ReadAsync(SampleDocuments.Pdf(), Source, Intakes.Manifest(json));

        Assert.Equal([FindingCodes.ManifestTooLarge], result.Codes());
        Assert.Null(result.Port);
    }

    [Fact]
    public async Task ReadAsync_BothSidecarAndMetadata_UsesTheSidecar()
    {
        var metadata = new DropMetadata
        {
            ManifestJson = Encoding.UTF8.GetBytes("""{ "port": "2704" }"""),
            ManifestName = "x.pdf.cee.json",
            BlobMetadata = new Dictionary<string, string> { ["port"] = "1001" },
        };

        var (result, _) = await Intakes.ReadAsync(SampleDocuments.Pdf(), Source, metadata);

        Assert.Equal("2704", result.Port);
        Assert.Equal([FindingCodes.ManifestIgnored], result.Codes());
    }

    [Theory]
    [InlineData("tiff")]
    [InlineData("jpeg")]
    [InlineData("png")]
    public async Task ReadAsync_EachImageType_IsDetectedFromItsBytes(string type)
    {
        var bytes = type switch
        {
            "tiff" => SampleDocuments.Tiff(),
            "jpeg" => SampleDocuments.JpegSignature(),
            _ => SampleDocuments.Png(),
        };

        var (result, _) = await Intakes.ReadAsync(bytes, $"port-drops/2704/scan.{(type == "jpeg" ? "jpg" : type)}", Intakes.Manifest("""{ "port": "2704" }"""));

        Assert.Equal(type, Assert.Single(result.Documents).DetectedType);
        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
    }

    [Fact]
    public async Task ReadAsync_NamedPdfButBytesArePng_WarnsTypeMismatch()
    {
        var (result, _) = await Intakes.ReadAsync(SampleDocuments.Png(), Source, Intakes.Manifest("""{ "port": "2704" }"""));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.TypeMismatch, finding.Code);
        Assert.Contains("PDF but its bytes are PNG", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NeitherXmlNorAnImage_RejectsAndStoresNothing()
    {
        var (result, sink) = await Intakes.ReadAsync("hello, this is a text file"u8.ToArray(), "port-drops/2704/notes.txt", Intakes.Manifest("""{ "port": "2704" }"""));

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        Assert.Equal([FindingCodes.UnsupportedType], result.Codes());
        Assert.Equal("unknown", Assert.Single(result.Documents).DetectedType);
        Assert.Null(result.Documents[0].Location);
        Assert.Empty(sink.Targets);
    }

    [Fact]
    public async Task ReadAsync_EmptyDrop_RejectsAsEmpty()
    {
        var (result, sink) = await Intakes.ReadAsync([], Source, Intakes.Manifest("""{ "port": "2704" }"""));

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        Assert.Equal([FindingCodes.EmptyDrop], result.Codes());
        Assert.Empty(result.Documents);
        Assert.Empty(sink.Targets);
        Assert.Equal(DropIntake.BareDropContent(Convert.ToHexStringLower(SHA256.HashData([])), result), result.ContentSha256);
    }

    [Fact]
    public async Task ReadAsync_DocumentLargerThanTheLimit_RejectsAndAbandonsIt()
    {
        var options = new IntakeOptions { Reader = new Routing.Dis.DisReaderOptions { MaxDocumentBytes = 100_000 } };
        var bytes = SampleDocuments.Pdf().Concat(SampleDocuments.Random(300_000, seed: 2)).ToArray();

        var (result, sink) = await Intakes.ReadAsync(bytes, Source, Intakes.Manifest("""{ "port": "2704" }"""), options);

        Assert.Equal([FindingCodes.BareDocumentTooLarge], result.Codes());
        Assert.Empty(result.Documents);
        Assert.All(sink.Targets, t => Assert.Equal(InMemoryDocumentSink.TargetOutcome.Abandoned, t.Outcome));
    }

    [Fact]
    public async Task ReadAsync_LargePdf_StreamsThroughTheSinkInBoundedMemory()
    {
        var bytes = SampleDocuments.Pdf().Concat(SampleDocuments.Random(48 * 1024 * 1024, seed: 4)).ToArray();
        var drop = DropReference.For(Source, "v1");
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var result = await DropIntake.ReadAsync(drop, new NonSeekableStream(bytes), Intakes.Manifest("""{ "port": "2704" }"""), NullDocumentSink.Instance);

        Assert.Equal(bytes.Length, Assert.Single(result.Documents).Size);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 4 * 1024 * 1024, "allocated more than 4 MiB for a 48 MiB document");
    }

    [Fact]
    public async Task ReadAsync_SameScanWithAnotherManifest_IsAnotherDrop()
    {
        var pdf = SampleDocuments.Pdf();
        var forEntry1 = Intakes.Manifest("""{ "entryNumbers": ["002-6110316-2"], "importerNumber": "12-345678900" }""");
        var forEntry2 = Intakes.Manifest("""{ "entryNumbers": ["002-6110317-0"], "importerNumber": "12-345678900" }""");

        var (first, _) = await Intakes.ReadAsync(pdf, "port-drops/2704/invoice.pdf", forEntry1);
        var (again, _) = await Intakes.ReadAsync(pdf, "port-drops/2704/invoice-again.pdf", forEntry1);
        var (other, _) = await Intakes.ReadAsync(pdf, "port-drops/2704/invoice-other.pdf", forEntry2);
        var (bare, _) = await Intakes.ReadAsync(pdf, "port-drops/2704/invoice-bare.pdf");

        Assert.Equal(first.ContentSha256, again.ContentSha256);
        Assert.NotEqual(first.ContentSha256, other.ContentSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), bare.ContentSha256);
        Assert.Equal(first.Documents[0].Sha256, other.Documents[0].Sha256);
    }

    [Fact]
    public async Task ReadAsync_SameFactsWrittenDifferently_GiveOneContentHash()
    {
        var pdf = SampleDocuments.Pdf();
        var metadata = DropMetadata.FromBlobMetadata(new Dictionary<string, string> { ["importerNumber"] = "12345678900", ["port"] = "2704" });
        var sidecar = Intakes.Manifest("""
            {
              "port": "2704",
              "importerNumber": "12-345678900"
            }
            """);

        var (a, _) = await Intakes.ReadAsync(pdf, "port-drops/2704/a.pdf", metadata);
        var (b, _) = await Intakes.ReadAsync(pdf, "port-drops/2704/b.pdf", sidecar);

        Assert.Equal(a.ContentSha256, b.ContentSha256);
    }

    [Fact]
    public async Task ReadAsync_SsnImporterInManifest_ContentHashUsesOnlyItsKeyedLookupKey()
    {
        var pdf = SampleDocuments.Pdf();
        var developmentKey = await Intakes.ReadAsync(pdf, "port-drops/1704/a.pdf", Intakes.Manifest("""{ "importerNumber": "078-05-1120" }"""));
        var deploymentKey = await Intakes.ReadAsync(pdf, "port-drops/1704/a.pdf", Intakes.Manifest("""{ "importerNumber": "078-05-1120" }"""),
            IntakeOptions.Default with { ImporterKeys = new ImporterLookupKeys(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) });

        // Without the deployment's secret, the content hash cannot be matched against guessed SSNs.
        Assert.NotEqual(developmentKey.Result.ContentSha256, deploymentKey.Result.ContentSha256);
    }
}
