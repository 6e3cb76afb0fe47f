using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cee.Routing.Drops;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;
using Cee.Routing.Tests.Support;
using Cee.Samples;

namespace Cee.Routing.Tests.Intake;

/// <summary>The intake checks over DIS packages: identifiers, links, kinds, types, verdicts.</summary>
public class DisIntakeTests
{
    [Fact]
    public async Task ReadAsync_TwoDocumentEntrySummary_IsAcceptedWithEveryFactNormalized()
    {
        var xml = DisPackageBuilder.TwoDocumentSample().ToBytes();

        var (result, sink) = await Intakes.ReadAsync(xml);

        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
        Assert.Empty(result.Findings);
        Assert.Equal(DropKind.Dis, result.Kind);
        Assert.Equal(Intakes.DisSource, result.Source);
        Assert.Equal(DropReference.For(Intakes.DisSource, "sha256:test").DropId, result.DropId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(xml)), result.ContentSha256);
        Assert.Equal(("2704", "002"), (result.Port, result.Filer));
        Assert.Equal(["002-6110316-2"], result.Entries);
        var importer = Assert.Single(result.Importers);
        Assert.Equal(new ImporterRef("12-345678900", "12345678900", "ein"), importer);
        Assert.Null(result.CbpRequestId);
        Assert.Equal([new CommodityLine("8471300100", 1), new CommodityLine("8471410150", 2)], result.Lines);
        Assert.Equal(2, result.Documents.Count);
        var invoice = result.Documents[0];
        Assert.Equal((DropIds.DocumentId(result.DropId, 1), "INV-2026-0417", "Commercial Invoice", DocumentKind.EntrySummary), (invoice.Id, invoice.SourceDocumentId, invoice.Label, invoice.Kind));
        Assert.Equal(("commercial-invoice.pdf", "pdf", "pdf"), (invoice.FileName, invoice.DeclaredType, invoice.DetectedType));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(SampleDocuments.Pdf())), invoice.Sha256);
        Assert.Equal($"memory://documents/{invoice.Id}", invoice.Location);
        Assert.Equal(("png", DocumentKind.EntrySummary), (result.Documents[1].DetectedType, result.Documents[1].Kind));
        Assert.Equal(2, sink.Completed.Count());
    }

    [Theory]
    [InlineData("61103162", "002")]
    [InlineData("6110316-2", "002")]
    [InlineData("00261103162", "002")]
    [InlineData("002-6110316-2", "002")]
    [InlineData("002-6110316-2", " 002 ")]
    public async Task ReadAsync_EntryNumberWholeOrAfterTheFilerCode_NormalizesToTheDashedForm(string written, string filer)
    {
        var xml = DisPackageBuilder.EntrySummary().WithoutEntries().WithEntrySummary(written, filer).WithDocument(SampleDocuments.Pdf()).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(["002-6110316-2"], result.Entries);
        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
    }

    [Fact]
    public async Task ReadAsync_SameEntryAsEntryAndEntrySummary_IsListedOnceInDocumentOrder()
    {
        var xml = DisPackageBuilder.EntrySummary().WithEntry("002-6110317-0", "002").WithEntry("00261103162", "002").WithDocument(SampleDocuments.Pdf()).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(["002-6110317-0", "002-6110316-2"], result.Entries);
    }

    [Fact]
    public async Task ReadAsync_EntryCheckDigitWrong_RejectsSayingWhichDigitTheNumberComputes()
    {
        var xml = DisPackageBuilder.EntrySummary().WithoutEntries().WithEntrySummary("002-6110316-3", "002").WithDocument(SampleDocuments.Pdf()).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.EntryCheckDigit, FindingSeverity.Error), (finding.Code, finding.Severity));
        Assert.EndsWith("check digit is 3; the number computes 2", finding.Message, StringComparison.Ordinal);
        Assert.Equal("/MessageEnvelope/MessageBody/DocumentSubmissionPackage/TradeTransaction/EntrySummary[1]/EntryNumber", finding.Path);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public async Task ReadAsync_EightCharactersWithAWrongCheckDigit_IsACheckDigitFinding()
    {
        var xml = DisPackageBuilder.EntrySummary().WithoutEntries().WithEntrySummary("61103163", "002").WithDocument(SampleDocuments.Pdf()).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(FindingCodes.EntryCheckDigit, Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData("002-611031", "an entry number has 11 characters")]
    [InlineData("002-61103X6-2", "must be digits")]
    [InlineData("", "no entry number")]
    public async Task ReadAsync_MalformedEntryNumber_Rejects(string written, string says)
    {
        var xml = DisPackageBuilder.EntrySummary().WithoutEntries().WithEntrySummary(written, "002").WithDocument(SampleDocuments.Pdf()).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.EntryMalformed, finding.Code);
        Assert.Contains(says, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FilerDisagreesWithTheEntryNumber_RejectsWithFilerMismatch()
    {
        var xml = DisPackageBuilder.EntrySummary().WithoutEntries().WithEntrySummary("002-6110316-2", "A7K").WithDocument(SampleDocuments.Pdf()).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        var finding = Assert.Single(result.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(FindingCodes.EntryFilerMismatch, finding.Code);
        Assert.Contains("'A7K'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PreparerIsAnotherFiler_Warns()
    {
        var xml = DisPackageBuilder.TwoDocumentSample().WithPreparer("B19").ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(IntakeVerdict.Warn, result.Verdict);
        Assert.Equal([FindingCodes.FilerMismatch], result.Codes());
        Assert.Equal("B19", result.Filer);
    }

    [Theory]
    [InlineData("12-3456789", "needs its 2-character suffix")]
    [InlineData("12-345678900X", "11 or 9 characters")]
    [InlineData("12-3456789OO", "O, I or Z")]
    public async Task ReadAsync_MalformedImporterNumber_Rejects(string importer, string says)
    {
        var xml = DisPackageBuilder.TwoDocumentSample().WithPackageImporter(importer).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.ImporterMalformed, finding.Code);
        Assert.Contains(says, finding.Message, StringComparison.Ordinal);
        Assert.Equal("/MessageEnvelope/MessageBody/DocumentSubmissionPackage/PackageIdentifier/ImporterOfRecordNbr", finding.Path);
        Assert.Empty(result.Importers);
    }

    [Fact]
    public async Task ReadAsync_SsnImporter_IsMaskedAndKeyedAndNeverAppearsAnywhereInTheResult()
    {
        // 078-05-1120 is the SSA's void specimen number.
        var xml = DisPackageBuilder.TwoDocumentSample()
            .WithPackageImporter("078-05-1120")
            .WithComment("sole proprietor 078-05-1120")
            .ToBytes();

        var (result, sink) = await Intakes.ReadAsync(xml);

        var importer = Assert.Single(result.Importers);
        Assert.Equal(("***-**-1120", "ssn"), (importer.Masked, importer.Kind));
        Assert.StartsWith("ssn-", importer.LookupKey, StringComparison.Ordinal);
        Assert.Equal(ImporterLookupKeys.Development.For(ImporterNumber.Parse("078-05-1120")), importer.LookupKey);
        var json = JsonSerializer.Serialize(result);
        Assert.DoesNotContain("078-05-1120", json, StringComparison.Ordinal);
        Assert.DoesNotContain("078051120", json, StringComparison.Ordinal);
        Assert.All(sink.Targets, t => Assert.DoesNotContain("078", JsonSerializer.Serialize(t.Pending), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_MalformedSsnLikeImporter_FindingMasksTheDigits()
    {
        var xml = DisPackageBuilder.TwoDocumentSample().WithPackageImporter("078-05-11200").ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.ImporterMalformed, finding.Code);
        Assert.DoesNotContain("078-05-1120", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ImportersFromEveryPlace_AreGatheredDistinctByLookupKeyAndAConflictWarns()
    {
        var xml = DisPackageBuilder.EntrySummary()
            .WithTradeImporter("12345678900")
            .WithDocument(SampleDocuments.Pdf(), configure: d =>
            {
                d.CertificateImporter = "123456-78900";
                d.PermitImporter = "98-765432100";
            })
            .ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(["12345678900", "98765432100"], result.Importers.Select(i => i.LookupKey));
        Assert.Equal(IntakeVerdict.Warn, result.Verdict);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.ImporterConflict, finding.Code);
        Assert.Contains("12-345678900, 98-765432100", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2704", null, IntakeVerdict.Accept)]
    [InlineData("0901", null, IntakeVerdict.Accept)]
    [InlineData("4101", FindingCodes.PortUnknown, IntakeVerdict.Warn)]
    [InlineData("27O4", FindingCodes.PortMalformed, IntakeVerdict.Reject)]
    [InlineData("270", FindingCodes.PortMalformed, IntakeVerdict.Reject)]
    public async Task ReadAsync_SubmittedToPortCode_IsCheckedWithThePortList(string port, string? code, IntakeVerdict verdict)
    {
        var xml = DisPackageBuilder.TwoDocumentSample().WithPort(port).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(verdict, result.Verdict);
        Assert.Equal(code is null ? [] : [code], result.Codes());
        Assert.Equal(code == FindingCodes.PortMalformed ? null : port, result.Port);
    }

    [Fact]
    public async Task ReadAsync_MalformedHtsNumber_RejectsAndKeepsTheOtherLines()
    {
        var xml = DisPackageBuilder.EntrySummary()
            .WithDocument(SampleDocuments.Pdf(), configure: d =>
            {
                d.Commodities.Add(("8471.30.0100", "1"));
                d.Commodities.Add(("84713O0100", "2"));
                d.InvoiceLines.Add(("8703.23.0190", "3"));
            })
            .ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.HtsMalformed, finding.Code);
        Assert.EndsWith("CommodityList/CommodityData[2]", finding.Path, StringComparison.Ordinal);
        Assert.Equal([new CommodityLine("8703230190", 3), new CommodityLine("8471300100", 1)], result.Lines);
    }

    [Fact]
    public async Task ReadAsync_CommodityWithoutLineNumber_KeepsTheLineWithoutIt()
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument(SampleDocuments.Pdf(), configure: d => d.Commodities.Add(("8471.30.0100", null))).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal([new CommodityLine("8471300100", null)], result.Lines);
        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
    }

    [Fact]
    public async Task ReadAsync_LineNumberNotAWholeNumber_WarnsAndKeepsTheLine()
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument(SampleDocuments.Pdf(), configure: d => d.Commodities.Add(("8471.30.0100", "one"))).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal([FindingCodes.LineMalformed], result.Codes());
        Assert.Equal([new CommodityLine("8471300100", null)], result.Lines);
    }

    [Theory]
    [InlineData("UNSOLICITED")]
    [InlineData("unknown")]
    [InlineData("")]
    public async Task ReadAsync_RequestIdThatNamesNoRequest_IsNull(string requestId)
    {
        var xml = DisPackageBuilder.TwoDocumentSample().WithRequest(requestId).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Null(result.CbpRequestId);
        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
    }

    [Theory]
    [InlineData("CF28", DocumentKind.Cf28Response)]
    [InlineData("CF-28", DocumentKind.Cf28Response)]
    [InlineData("CBP Form 28", DocumentKind.Cf28Response)]
    [InlineData("CF29", DocumentKind.Cf29Response)]
    [InlineData("Notice of Action", DocumentKind.Cf29Response)]
    public async Task ReadAsync_ResponseToARealRequest_MakesEveryDocumentThatResponse(string requestType, DocumentKind kind)
    {
        var xml = DisPackageBuilder.TwoDocumentSample().WithRequest("CF28-2704-0001187", requestType).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal("CF28-2704-0001187", result.CbpRequestId);
        Assert.All(result.Documents, d => Assert.Equal(kind, d.Kind));
        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
    }

    [Theory]
    [InlineData("078-05-1120")]
    [InlineData("078051120")]
    [InlineData("REQ 078 05 1120")]
    public async Task ReadAsync_SsnLikeCbpRequestIdAndDocumentId_AreMaskedInTheResult(string ssnLike)
    {
        var xml = DisPackageBuilder.EntrySummary()
            .WithDocument(SampleDocuments.Pdf(), configure: d => d.DocumentId = "INV " + ssnLike)
            .WithRequest(ssnLike, "CF28")
            .ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.StartsWith(ssnLike.StartsWith("REQ", StringComparison.Ordinal) ? "REQ ***" : "***", result.CbpRequestId, StringComparison.Ordinal);
        Assert.EndsWith("1120", result.CbpRequestId, StringComparison.Ordinal);
        var serialized = JsonSerializer.Serialize(result);
        Assert.DoesNotContain("078-05-1120", serialized, StringComparison.Ordinal);
        Assert.DoesNotContain("078051120", serialized, StringComparison.Ordinal);
        Assert.DoesNotContain("078 05 1120", serialized, StringComparison.Ordinal);
        Assert.Equal(SsnRedaction.Redact("INV " + ssnLike), Assert.Single(result.Documents).SourceDocumentId);
    }

    [Fact]
    public async Task ReadAsync_RealRequestId_IsKeptAsWritten()
    {
        var xml = DisPackageBuilder.TwoDocumentSample().WithRequest("CF28-2704-0001187", "CF28").ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal("CF28-2704-0001187", result.CbpRequestId);
    }

    [Fact]
    public async Task ReadAsync_RequestTypeWithoutARequestId_WarnsAndKindsComeFromLabels()
    {
        var xml = DisPackageBuilder.TwoDocumentSample().WithRequest("UNKNOWN", "CF28").ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal([FindingCodes.RequestMissingId], result.Codes());
        Assert.All(result.Documents, d => Assert.Equal(DocumentKind.EntrySummary, d.Kind));
    }

    [Theory]
    [InlineData("CBP Form 19", DocumentKind.Protest)]
    [InlineData("Protest - supporting brief", DocumentKind.Protest)]
    [InlineData("CBP Form 7501", DocumentKind.EntrySummary)]
    [InlineData("Packing List", DocumentKind.EntrySummary)]
    [InlineData("NOAA Certificate of Origin", DocumentKind.EntrySummary)]
    [InlineData("cbp-form-28 response", DocumentKind.Cf28Response)]
    [InlineData("CBP Form 3461", DocumentKind.Other)]
    public async Task ReadAsync_DocumentLabel_DecidesTheKindThroughTheLabelTable(string label, DocumentKind kind)
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument(SampleDocuments.Pdf(), label).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(kind, Assert.Single(result.Documents).Kind);
    }

    [Fact]
    public async Task ReadAsync_LabelNotInTheTable_IsOtherWithAnInfoFindingThatDoesNotChangeTheVerdict()
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument(SampleDocuments.Pdf(), "CBP Form 3461").ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.LabelUnknown, FindingSeverity.Info), (finding.Code, finding.Severity));
        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
    }

    [Fact]
    public async Task ReadAsync_CfResponseLabelWithoutARequest_WarnsThatNoRequestIsNamed()
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument(SampleDocuments.Pdf(), "CBP Form 28 Response").ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(DocumentKind.Cf28Response, Assert.Single(result.Documents).Kind);
        Assert.Equal([FindingCodes.RequestMissingId], result.Codes());
    }

    [Fact]
    public async Task ReadAsync_LabelTableOverride_IsMatchedFirst()
    {
        using var overrideJson = new MemoryStream("""{ "version": "phc-2027-01", "labels": [ { "label": "CBP Form 3461*", "kind": "entry-summary" } ] }"""u8.ToArray());
        var options = new IntakeOptions { DocumentKinds = DocumentKindTable.Embedded.WithOverride(overrideJson, "labels.json") };
        var xml = DisPackageBuilder.EntrySummary().WithDocument(SampleDocuments.Pdf(), "CBP Form 3461").ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml, options: options);

        Assert.Equal(DocumentKind.EntrySummary, Assert.Single(result.Documents).Kind);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("PDF", "invoice.pdf", true)]
    [InlineData("TIF", "invoice.tif", false)]
    [InlineData("tiff", "invoice.TIFF", false)]
    [InlineData("PDF", "invoice.tif", true)]
    [InlineData("TIF", "invoice.pdf", true)]
    public async Task ReadAsync_DeclaredTypeAgainstTheBytes_WarnsOnlyWhenTheyDisagree(string declared, string fileName, bool mismatch)
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument(SampleDocuments.Tiff(bigEndian: true), "Commercial Invoice", fileName, declared).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal("tiff", Assert.Single(result.Documents).DetectedType);
        Assert.Equal(mismatch ? [FindingCodes.TypeMismatch] : [], result.Codes());
    }

    [Fact]
    public async Task ReadAsync_BytesOfNoKnownType_WarnsTypeUnknown()
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument("PK\u0003\u0004word/document.xml"u8.ToArray(), "Commercial Invoice", "invoice.docx", "DOCX").ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal("unknown", Assert.Single(result.Documents).DetectedType);
        Assert.Equal([FindingCodes.TypeUnknown], result.Codes());
        Assert.Equal(IntakeVerdict.Warn, result.Verdict);
    }

    [Theory]
    [InlineData("invoice's copy.pdf")]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("a\\b.pdf")]
    [InlineData("100% cotton.pdf")]
    [InlineData("A&B invoice.pdf")]
    [InlineData("invoice  copy.pdf")]
    public async Task ReadAsync_FileNameWithExcludedCharactersOrPathParts_Warns(string fileName)
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", fileName, "PDF").ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.FileName, FindingSeverity.Warning), (finding.Code, finding.Severity));
        Assert.Equal(fileName, Assert.Single(result.Documents).FileName);
    }

    [Theory]
    [InlineData("DELETE", FindingCodes.ActionDelete, IntakeVerdict.Reject)]
    [InlineData("MODIFY", FindingCodes.ActionUnknown, IntakeVerdict.Warn)]
    [InlineData("replace", null, IntakeVerdict.Accept)]
    public async Task ReadAsync_ActionCode_DeleteRejectsAndUnknownWarns(string action, string? code, IntakeVerdict verdict)
    {
        var xml = DisPackageBuilder.TwoDocumentSample().WithAction(action).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(verdict, result.Verdict);
        Assert.Equal(code is null ? [] : [code], result.Codes());
    }

    [Fact]
    public async Task ReadAsync_DocumentWithdrawal_KeepsWhatItNamesWithNoDocumentOfItsOwn()
    {
        var xml = DisPackageBuilder.EntrySummary().WithPayload("DocumentWithdrawal").ToBytes();

        var (result, sink) = await Intakes.ReadAsync(xml);

        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
        Assert.Empty(result.Findings);
        Assert.Empty(result.Documents);
        Assert.Empty(sink.Targets);
        Assert.Equal("2704", result.Port);
        Assert.Equal(["002-6110316-2"], result.Entries);
        Assert.Equal(
            new WithdrawalRequest("INV-2026-0417", "Commercial Invoice", "commercial-invoice.pdf", "PDF", "DELETE", "Invoice sent for the wrong entry", null),
            result.Withdrawal);
    }

    [Fact]
    public async Task ReadAsync_DocumentWithdrawalNamingNoDocumentId_IsRejected()
    {
        var xml = Encoding.UTF8.GetBytes(DisPackageBuilder.EntrySummary().WithPayload("DocumentWithdrawal").ToXml()
            .Replace("<DocumentID>INV-2026-0417</DocumentID>", string.Empty, StringComparison.Ordinal));

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        Assert.Equal([FindingCodes.WithdrawalNoDocumentId], result.Codes());
        Assert.Null(result.Withdrawal!.DocumentId);
    }

    [Fact]
    public async Task ReadAsync_DocumentWithdrawalNamingNoPort_IsRejected()
    {
        var xml = DisPackageBuilder.EntrySummary().WithPayload("DocumentWithdrawal").WithPort(null).ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        Assert.Equal([FindingCodes.WithdrawalNoPort], result.Codes());
    }

    [Fact]
    public async Task ReadAsync_DocumentWithdrawalWithAnSsnInItsReason_KeepsTheReasonMasked()
    {
        var xml = Encoding.UTF8.GetBytes(DisPackageBuilder.EntrySummary().WithPayload("DocumentWithdrawal").ToXml()
            .Replace("Invoice sent for the wrong entry", "Sent under importer 078-05-1120 by mistake", StringComparison.Ordinal));

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal("Sent under importer ***-**-1120 by mistake", result.Withdrawal!.Reason);
    }

    [Fact]
    public async Task ReadAsync_FindingsBeyondThePerCodeLimit_AreSummarizedInOneFindingOfTheSameCode()
    {
        var xml = DisPackageBuilder.EntrySummary()
            .WithDocument(SampleDocuments.Pdf(), configure: d =>
            {
                for (var i = 1; i <= 40; i++)
                {
                    d.Commodities.Add(("84713O0100", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            })
            .ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml, options: new IntakeOptions { MaxFindingsPerCode = 10 });

        Assert.Equal(11, result.Findings.Count);
        Assert.All(result.Findings, f => Assert.Equal(FindingCodes.HtsMalformed, f.Code));
        Assert.Contains("30 more hts.malformed", result.Findings[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ErrorsWarningsAndInfo_AreOrderedErrorsFirst()
    {
        var xml = DisPackageBuilder.EntrySummary()
            .WithPort("4101")
            .WithDocument(SampleDocuments.Pdf(), "CBP Form 3461", configure: d => d.Commodities.Add(("84713O0100", "1")))
            .ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml);

        Assert.Equal([FindingSeverity.Error, FindingSeverity.Warning, FindingSeverity.Info], result.Findings.Select(f => f.Severity));
    }

    [Fact]
    public async Task ReadAsync_ManifestBesideADisPackage_IsIgnoredWithAnInfoFinding()
    {
        var xml = DisPackageBuilder.TwoDocumentSample().ToBytes();

        var (result, _) = await Intakes.ReadAsync(xml, metadata: Intakes.Manifest("""{ "port": "1001" }"""));

        Assert.Equal("2704", result.Port);
        Assert.Equal([FindingCodes.ManifestIgnored], result.Codes());
        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
    }

    [Fact]
    public async Task ReadAsync_UnknownElementAndElementsOutOfOrder_WarnAndAreStillRead()
    {
        var text = DisPackageBuilder.TwoDocumentSample().ToXml()
            .Replace("<ActionCode>ADD</ActionCode>", "<ActionCode>ADD</ActionCode><Priority>HIGH</Priority>", StringComparison.Ordinal)
            .Replace("<SubmittedToPortCode>2704</SubmittedToPortCode>", string.Empty, StringComparison.Ordinal)
            .Replace("</TradeTransaction>", "</TradeTransaction><SubmittedToPortCode>2704</SubmittedToPortCode>", StringComparison.Ordinal);

        var (result, _) = await Intakes.ReadAsync(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal([FindingCodes.UnexpectedElement, FindingCodes.ElementOrder], result.Codes());
        Assert.Equal("2704", result.Port);
        Assert.Equal(IntakeVerdict.Warn, result.Verdict);
    }
}
