using System.Security.Cryptography;
using System.Text;
using Cee.Routing.Dis;
using Cee.Routing.Documents;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Tests.Support;
using Cee.Samples;

namespace Cee.Routing.Tests.Dis;

public class DisReaderTests
{
    private const string DropId = "d0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task ReadAsync_TwoDocumentPackage_DecodesEachDocumentIntoTheSinkWithItsHashAndType()
    {
        var pdf = SampleDocuments.Pdf();
        var png = SampleDocuments.Png();
        var xml = DisPackageBuilder.EntrySummary()
            .WithDocument(pdf, "Commercial Invoice", "commercial-invoice.pdf", "PDF")
            .WithDocument(png, "Packing List", "packing-list.png", "PNG")
            .ToBytes();
        var sink = new InMemoryDocumentSink();

        var package = await ReadAsync(xml, sink);

        Assert.Empty(package.Findings);
        Assert.Equal("DocumentSubmissionPackage", package.Payload);
        Assert.Equal(2, package.Documents.Count);
        var (first, second) = (package.Documents[0], package.Documents[1]);
        Assert.Equal(DropIds.DocumentId(DropId, 1), first.DocumentId);
        Assert.Equal(DropIds.DocumentId(DropId, 2), second.DocumentId);
        Assert.Equal(pdf, sink.BytesOf(first.DocumentId));
        Assert.Equal(png, sink.BytesOf(second.DocumentId));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), first.Decoded!.Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), second.Decoded!.Sha256);
        Assert.Equal((pdf.Length, png.Length), (first.Decoded.Size, second.Decoded.Size));
        Assert.Equal((FileSignatures.Pdf, FileSignatures.Png), (first.Decoded.DetectedType, second.Decoded.DetectedType));
        Assert.Equal($"memory://documents/{first.DocumentId}", first.Location);
        Assert.Equal(("Commercial Invoice", "commercial-invoice.pdf", "pdf"), (sink.Targets[0].Pending.Label, sink.Targets[0].Pending.FileName, sink.Targets[0].Pending.DeclaredType));
        Assert.All(sink.Targets, t => Assert.True(t.Disposed));
    }

    [Fact]
    public async Task ReadAsync_AnyInput_ContentSha256IsTheHashOfEveryByteReceived()
    {
        var xml = DisPackageBuilder.TwoDocumentSample().ToBytes();

        var package = await ReadAsync(xml, NullDocumentSink.Instance);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(xml)), package.ContentSha256);
        Assert.Equal(xml.Length, package.ContentLength);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4093)]
    public async Task ReadAsync_NonSeekableStreamInSmallReads_DecodesTheSameBytes(int maxReadSize)
    {
        var scan = SampleDocuments.Random(300_000, seed: 7);
        var xml = DisPackageBuilder.EntrySummary().WithDocument(scan, "Commercial Invoice", "scan.pdf", "PDF").ToBytes();
        var sink = new InMemoryDocumentSink();
        using var stream = new NonSeekableStream(xml, maxReadSize, yieldOnRead: maxReadSize == 4093);

        var package = await new DisReader().ReadAsync(stream, DropId, sink);

        Assert.Equal(scan, sink.BytesOf(package.Documents[0].DocumentId));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(xml)), package.ContentSha256);
    }

    [Theory]
    [InlineData(76)]
    [InlineData(64)]
    [InlineData(1)]
    public async Task ReadAsync_Base64WithLineBreaks_DecodesTheSameBytes(int lineLength)
    {
        var scan = SampleDocuments.Random(200_003, seed: 11);
        var xml = DisPackageBuilder.EntrySummary().WithBase64LineLength(lineLength).WithDocument(scan).ToBytes();
        var sink = new InMemoryDocumentSink();

        var package = await ReadAsync(xml, sink);

        Assert.DoesNotContain(package.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(scan, sink.BytesOf(package.Documents[0].DocumentId));
    }

    [Fact]
    public async Task ReadAsync_PackageFacts_AreReadWithTheirPaths()
    {
        var xml = DisPackageBuilder.EntrySummary()
            .WithEntry("61103170", "002")
            .WithTradeImporter("98-765432100")
            .WithBill("MAEU", "MAEU123456789")
            .WithRequest("CF28-2704-0001187", "CF28", "2026-11-01T09:00:00Z")
            .WithDocument(SampleDocuments.Pdf(), configure: d =>
            {
                d.Agencies.Add("CBP");
                d.InvoiceLines.Add(("8471.30.0100", "1"));
                d.Commodities.Add(("8703.23.0190", "3"));
                d.CertificateImporter = "12-345678900";
            })
            .ToBytes();

        var package = await ReadAsync(xml, NullDocumentSink.Instance);

        Assert.Equal("2704", package.SubmittedToPortCode);
        Assert.Equal("ADD", package.ActionCode);
        Assert.Equal("002", package.Header!.PreparerId);
        Assert.Equal("12-345678900", package.PackageIdentifier!.ImporterOfRecord!.Display);
        var trade = package.TradeTransaction!;
        Assert.Equal("SINGLE_TXN", trade.TransactionCategory);
        Assert.Equal(["Entry", "EntrySummary"], trade.Entries.Select(e => e.Element));
        Assert.Equal("/MessageEnvelope/MessageBody/DocumentSubmissionPackage/TradeTransaction/EntrySummary[1]", trade.Entries[1].Path);
        Assert.Equal(("61103170", "002"), (trade.Entries[0].EntryNumber, trade.Entries[0].Filer));
        var bill = Assert.Single(trade.Links);
        Assert.Equal(("Bill", "MAEU123456789", "MAEU"), (bill.Element, bill.Number, bill.Qualifier));
        Assert.Equal("98-765432100", trade.ImporterOfRecord!.Display);
        Assert.Equal(("CF28-2704-0001187", "CF28"), (package.CbpRequest!.RequestId, package.CbpRequest.RequestType));
        var document = Assert.Single(package.Documents);
        Assert.Equal(["CBP"], document.GovtAgencies);
        Assert.Equal(["8471.30.0100", "8703.23.0190"], document.Commodities.Select(c => c.HtsNumber));
        Assert.Equal("12-345678900", Assert.Single(document.ImportersOfRecord).Display);
        Assert.Empty(package.Findings);
    }

    [Fact]
    public async Task ReadAsync_CommentAndCharacterReferenceInsideDocumentObject_DecodeAsXmlMeansThem()
    {
        var bytes = Encoding.ASCII.GetBytes("Commercial invoice text");
        var base64 = Convert.ToBase64String(bytes);
        var xml = Encoding.UTF8.GetString(DisPackageBuilder.EntrySummary().WithDocument(bytes, fileName: "a.txt", type: "TXT").Compact().ToBytes())
            .Replace(base64, $"{base64[..8]}<!-- split -->&#x{(int)base64[8]:X};{base64[9..]}", StringComparison.Ordinal);
        var sink = new InMemoryDocumentSink();

        var package = await ReadAsync(Encoding.UTF8.GetBytes(xml), sink);

        Assert.Empty(package.Findings);
        Assert.Equal(bytes, sink.BytesOf(package.Documents[0].DocumentId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(76)]
    public async Task ReadAsync_PlainBase64_IsTakenAsBytesWithoutXmlReader(int lineLength)
    {
        var scan = SampleDocuments.Random(500_000, seed: 21);
        var xml = DisPackageBuilder.EntrySummary().WithBase64LineLength(lineLength).WithDocument(scan).ToBytes();
        var sink = new InMemoryDocumentSink();
        using var guard = new XmlGuardStream(new NonSeekableStream(xml), DisReaderOptions.Default, CancellationToken.None);
        using var session = new DisReadSession(guard, DisReaderOptions.Default, DropId, sink, CancellationToken.None);

        var package = await session.RunAsync();

        Assert.Empty(package.Findings);
        Assert.Equal(scan, sink.BytesOf(package.Documents[0].DocumentId));
        Assert.True(guard.RawTextBytes >= Convert.ToBase64String(scan).Length, $"only {guard.RawTextBytes} bytes took the fast path");
    }

    [Fact]
    public async Task ReadAsync_FaultAfterLongBase64_ReportsThePositionInThePackageNotXmlReaders()
    {
        var text = Encoding.UTF8.GetString(DisPackageBuilder.EntrySummary().WithBase64LineLength(76)
            .WithDocument(SampleDocuments.Random(30_000, seed: 5)).ToBytes())
            .Replace("</DocumentData>", "</DocumentDate>", StringComparison.Ordinal);
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("</DocumentDate>", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf("DocumentDate", StringComparison.Ordinal) + 1;

        var package = await ReadAsync(Encoding.UTF8.GetBytes(text), NullDocumentSink.Instance);

        var finding = Assert.Single(package.Findings);
        Assert.Equal(FindingCodes.MalformedXml, finding.Code);
        Assert.Contains($"at line {line}, column {column}:", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FaultOnTheLineOfOneLineBase64_ReportsThePackageColumn()
    {
        var text = Encoding.UTF8.GetString(DisPackageBuilder.EntrySummary().Compact()
            .WithDocument(SampleDocuments.Random(3_000, seed: 6)).ToBytes())
            .Replace("</DocumentObject></DocumentData>", "</DocumentObject></DocumentDate>", StringComparison.Ordinal);
        var at = text.IndexOf("DocumentDate", StringComparison.Ordinal);
        var line = text[..at].Count(c => c == '\n') + 1;
        var column = at - text.LastIndexOf('\n', at);

        var package = await ReadAsync(Encoding.UTF8.GetBytes(text), NullDocumentSink.Instance);

        Assert.True(column > 4000, "the fault stands after the Base64 on its line");
        Assert.Contains($"at line {line}, column {column}:", Assert.Single(package.Findings).Message, StringComparison.Ordinal);
    }

    internal static Task<DisPackage> ReadAsync(byte[] xml, IDocumentSink sink, DisReaderOptions? options = null) =>
        new DisReader(options).ReadAsync(new NonSeekableStream(xml), DropId, sink);
}
