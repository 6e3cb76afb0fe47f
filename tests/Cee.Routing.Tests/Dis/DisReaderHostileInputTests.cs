using System.Diagnostics;
using System.Text;
using Cee.Routing.Dis;
using Cee.Routing.Documents;
using Cee.Routing.Intake;
using Cee.Routing.Tests.Support;
using Cee.Samples;

namespace Cee.Routing.Tests.Dis;

/// <summary>
/// Every hostile or broken input ends in its own finding code, quickly, in bounded memory, with no
/// exception escaping and no partial document left in the sink.
/// </summary>
public class DisReaderHostileInputTests
{
    private const string Envelope = "<MessageEnvelope xmlns=\"http://cbp.dhs.gov/DIS\">";

    [Fact]
    public async Task ReadAsync_XxeExternalEntityToLocalFile_IsRefusedAndTheFileIsNeverRead()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"cee-xxe-{Guid.NewGuid():N}.txt");
        const string marker = "TOP-SECRET-MARKER-4471";
        await File.WriteAllTextAsync(secret, marker);
        try
        {
            var xml = $"""
                <?xml version="1.0" encoding="utf-8"?>
                <!DOCTYPE MessageEnvelope [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
                {Envelope}<MessageHeader><MessageID>&xxe;</MessageID></MessageHeader></MessageEnvelope>
                """;
            var sink = new InMemoryDocumentSink();

            var package = await DisReaderTests.ReadAsync(Encoding.UTF8.GetBytes(xml), sink);

            var finding = Assert.Single(package.Findings);
            Assert.Equal(FindingCodes.DtdProhibited, finding.Code);
            Assert.Equal(FindingSeverity.Error, finding.Severity);
            Assert.Null(package.Header);
            Assert.Empty(sink.Targets);
            Assert.DoesNotContain(marker, System.Text.Json.JsonSerializer.Serialize(package), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task ReadAsync_BillionLaughs_IsRefusedQuicklyInBoundedMemory()
    {
        var dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            dtd.Append($" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? string.Empty : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">\n");
        }

        dtd.Append("]>\n").Append(Envelope).Append("<MessageHeader><MessageID>&lol9;</MessageID></MessageHeader></MessageEnvelope>");
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var package = await DisReaderTests.ReadAsync(Encoding.UTF8.GetBytes(dtd.ToString()), NullDocumentSink.Instance);

        Assert.Equal(FindingCodes.DtdProhibited, Assert.Single(package.Findings).Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 4 * 1024 * 1024, "allocated more than 4 MiB");
    }

    [Fact]
    public async Task ReadAsync_TruncatedAtEveryOffset_ReportsTruncatedAndAbandonsThePartialDocument()
    {
        var pdf = SampleDocuments.Pdf();
        var xml = DisPackageBuilder.EntrySummary()
            .WithDocument(pdf, configure: d => d.Commodities.Add(("8471.30.0100", "1")))
            .ToBytes();
        var objectEnd = Encoding.UTF8.GetString(xml).IndexOf("</DocumentObject>", StringComparison.Ordinal);

        for (var length = 0; length < xml.Length; length++)
        {
            var sink = new InMemoryDocumentSink();
            var package = await DisReaderTests.ReadAsync(xml[..length], sink);

            var finding = Assert.Single(package.Findings, f => f.Severity == FindingSeverity.Error);
            Assert.True(finding.Code == FindingCodes.Truncated, $"cut at {length} of {xml.Length}: {finding.Code} {finding.Message}");

            // A document is complete only once its end tag was read; one cut short is abandoned, never left open.
            var target = Assert.Single(sink.Targets.DefaultIfEmpty(), t => t is not null || length <= objectEnd);
            if (target is not null)
            {
                var expected = length > objectEnd + "</DocumentObject>".Length - 1
                    ? InMemoryDocumentSink.TargetOutcome.Completed
                    : InMemoryDocumentSink.TargetOutcome.Abandoned;
                Assert.True(expected == target.Outcome, $"cut at {length}: the document is {target.Outcome}, expected {expected}");
                Assert.True(target.Outcome == InMemoryDocumentSink.TargetOutcome.Abandoned || target.Bytes.ToArray().SequenceEqual(pdf));
                Assert.True(target.Disposed);
            }
        }
    }

    [Fact]
    public async Task ReadAsync_MismatchedEndTag_ReportsMalformedXmlNotTruncated()
    {
        var xml = Encoding.UTF8.GetBytes($"{Envelope}<MessageHeader><MessageID>1</MessageType></MessageHeader></MessageEnvelope>");

        var package = await DisReaderTests.ReadAsync(xml, NullDocumentSink.Instance);

        var finding = Assert.Single(package.Findings);
        Assert.Equal(FindingCodes.MalformedXml, finding.Code);
        Assert.Contains("MessageType", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_GarbageAfterTheRoot_ReportsMalformedXml()
    {
        var xml = DisPackageBuilder.TwoDocumentSample().ToBytes().Concat("<extra/>"u8.ToArray()).ToArray();

        var package = await DisReaderTests.ReadAsync(xml, new InMemoryDocumentSink());

        Assert.Equal(FindingCodes.MalformedXml, Assert.Single(package.Findings).Code);
    }

    [Theory]
    [InlineData("QUJD!RA==", "outside the Base64 alphabet")]
    [InlineData("QUJDRA==QUJD", "outside the Base64 alphabet")]
    [InlineData("QUJDRA", "incomplete group")]
    [InlineData("QUJDR", "incomplete group")]
    [InlineData("QUJD\u00e9RA==", "outside the Base64 alphabet")]
    public async Task ReadAsync_InvalidBase64_ReportsInvalidBase64AndKeepsTheOtherDocuments(string objectText, string why)
    {
        var pdf = SampleDocuments.Pdf();
        var xml = DisPackageBuilder.EntrySummary()
            .WithDocument([], "Commercial Invoice", "bad.pdf", "PDF", d => d.RawObject = objectText)
            .WithDocument(pdf, "Packing List", "packing-list.pdf", "PDF")
            .ToBytes();
        var sink = new InMemoryDocumentSink();

        var package = await DisReaderTests.ReadAsync(xml, sink);

        var finding = Assert.Single(package.Findings);
        Assert.Equal(FindingCodes.InvalidBase64, finding.Code);
        Assert.Contains(why, finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("DocumentData[1]/DocumentObject", finding.Path, StringComparison.Ordinal);
        Assert.Null(package.Documents[0].Decoded);
        Assert.Equal(pdf, sink.BytesOf(package.Documents[1].DocumentId));
        Assert.DoesNotContain(sink.Targets, t => t.Pending.Ordinal == 1 && t.Outcome == InMemoryDocumentSink.TargetOutcome.Completed);
    }

    [Fact]
    public async Task ReadAsync_InvalidBase64AfterManyChunks_AbandonsThePartialOutputInTheSink()
    {
        var base64 = Convert.ToBase64String(SampleDocuments.Random(600_000, seed: 3));
        var broken = string.Concat(base64.AsSpan(0, 500_000), "*", base64.AsSpan(500_001));
        var xml = DisPackageBuilder.EntrySummary().WithDocument([], configure: d => d.RawObject = broken).ToBytes();
        var sink = new InMemoryDocumentSink();

        var package = await DisReaderTests.ReadAsync(xml, sink);

        Assert.Equal(FindingCodes.InvalidBase64, Assert.Single(package.Findings).Code);
        var target = Assert.Single(sink.Targets);
        Assert.True(target.Writes > 1, "the sink had received partial output before the fault");
        Assert.Equal(InMemoryDocumentSink.TargetOutcome.Abandoned, target.Outcome);
        Assert.Equal(FindingCodes.InvalidBase64, target.AbandonReason!.Code);
        Assert.True(target.Disposed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n  ")]
    public async Task ReadAsync_EmptyDocumentObject_ReportsEmptyDocumentAndNeverOpensTheSink(string objectText)
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument([], configure: d => d.RawObject = objectText).ToBytes();
        var sink = new InMemoryDocumentSink();

        var package = await DisReaderTests.ReadAsync(xml, sink);

        var finding = Assert.Single(package.Findings);
        Assert.Equal((FindingCodes.EmptyDocument, FindingSeverity.Error), (finding.Code, finding.Severity));
        Assert.Empty(sink.Targets);
    }

    [Fact]
    public async Task ReadAsync_EmptyDocumentObjectPreviouslySubmitted_IsAWarningNotAnError()
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument([], configure: d => d.PreviouslySubmitted = "Y").ToBytes();

        var package = await DisReaderTests.ReadAsync(xml, NullDocumentSink.Instance);

        var finding = Assert.Single(package.Findings);
        Assert.Equal((FindingCodes.PreviouslySubmitted, FindingSeverity.Warning), (finding.Code, finding.Severity));
    }

    [Fact]
    public async Task ReadAsync_PackageLargerThanTheLimit_StopsThereWithPackageTooLarge()
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument(SampleDocuments.Random(200_000, seed: 5)).ToBytes();
        var options = new DisReaderOptions { MaxPackageBytes = 64 * 1024 };
        var sink = new InMemoryDocumentSink();

        var package = await DisReaderTests.ReadAsync(xml, sink, options);

        var finding = Assert.Single(package.Findings);
        Assert.Equal(FindingCodes.PackageTooLarge, finding.Code);
        Assert.True(package.ContentLength < xml.Length, "reading stopped before the end");
        Assert.All(sink.Targets, t => Assert.Equal(InMemoryDocumentSink.TargetOutcome.Abandoned, t.Outcome));
    }

    [Fact]
    public async Task ReadAsync_DocumentLargerThanTheLimit_ReportsDocumentTooLargeAndReadsTheRest()
    {
        var pdf = SampleDocuments.Pdf();
        var xml = DisPackageBuilder.EntrySummary()
            .WithDocument(SampleDocuments.Random(300_000, seed: 9), "Commercial Invoice", "scan.pdf", "PDF")
            .WithDocument(pdf, "Packing List", "packing-list.pdf", "PDF")
            .ToBytes();
        var options = new DisReaderOptions { MaxDocumentBytes = 100_000 };
        var sink = new InMemoryDocumentSink();

        var package = await DisReaderTests.ReadAsync(xml, sink, options);

        Assert.Equal(FindingCodes.DocumentTooLarge, Assert.Single(package.Findings).Code);
        Assert.Equal(InMemoryDocumentSink.TargetOutcome.Abandoned, sink.Targets[0].Outcome);
        Assert.Equal(pdf, sink.BytesOf(package.Documents[1].DocumentId));
    }

    [Fact]
    public async Task ReadAsync_MillionNestedElements_StopsAtTheDepthLimitInBoundedMemory()
    {
        var deep = new StringBuilder(Envelope).Append("<MessageHeader>");
        deep.Insert(deep.Length, "<a>", 1_000_000);
        var xml = Encoding.UTF8.GetBytes(deep.ToString());
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var package = await DisReaderTests.ReadAsync(xml, NullDocumentSink.Instance);

        var finding = Assert.Single(package.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(FindingCodes.TooDeep, finding.Code);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 8 * 1024 * 1024, "allocated more than 8 MiB");
    }

    [Fact]
    public async Task ReadAsync_MoreDocumentsThanTheLimit_ReportsTooManyDocuments()
    {
        var builder = DisPackageBuilder.EntrySummary();
        for (var i = 0; i < 4; i++)
        {
            builder.WithDocument(SampleDocuments.Pdf());
        }

        var package = await DisReaderTests.ReadAsync(builder.ToBytes(), NullDocumentSink.Instance, new DisReaderOptions { MaxDocuments = 3 });

        var finding = Assert.Single(package.Findings);
        Assert.Equal(FindingCodes.TooManyDocuments, finding.Code);
        Assert.EndsWith("DocumentData[4]", finding.Path, StringComparison.Ordinal);
        Assert.Equal(3, package.Documents.Count);
    }

    [Fact]
    public async Task ReadAsync_TextLongerThanTheLimit_ReportsTextTooLongInBoundedMemory()
    {
        var bytes = Encoding.UTF8.GetBytes($"{Envelope}<MessageHeader><Comment>{new string('x', 20_000_000)}</Comment></MessageHeader></MessageEnvelope>");
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var package = await DisReaderTests.ReadAsync(bytes, NullDocumentSink.Instance);

        var finding = Assert.Single(package.Findings);
        Assert.Equal(FindingCodes.TextTooLong, finding.Code);
        Assert.Equal("/MessageEnvelope/MessageHeader/Comment", finding.Path);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 8 * 1024 * 1024, "allocated more than 8 MiB");
    }

    [Fact]
    public async Task ReadAsync_GiantCDataSection_ReportsTextTooLongBeforeXmlReaderHoldsIt()
    {
        var xml = Encoding.UTF8.GetBytes($"{Envelope}<MessageHeader><Comment><![CDATA[{string.Concat(Enumerable.Repeat("a>b]", 5_000_000))}]]></Comment></MessageHeader></MessageEnvelope>");
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var package = await DisReaderTests.ReadAsync(xml, NullDocumentSink.Instance);

        Assert.Equal(FindingCodes.TextTooLong, Assert.Single(package.Findings).Code);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 8 * 1024 * 1024, "allocated more than 8 MiB");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("attribute")]
    [InlineData("attributes")]
    public async Task ReadAsync_GiantTag_ReportsMarkupTooLongBeforeXmlReaderHoldsIt(string shape)
    {
        var tag = shape switch
        {
            "name" => $"<MessageHeader{new string('x', 10_000_000)}/>",
            "attribute" => $"<MessageHeader a=\"{new string('>', 10_000_000)}\"/>",
            _ => $"<MessageHeader {string.Concat(Enumerable.Range(0, 1_000_000).Select(i => $"a{i}='' "))}/>",
        };
        var xml = Encoding.UTF8.GetBytes($"{Envelope}{tag}</MessageEnvelope>");
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var package = await DisReaderTests.ReadAsync(xml, NullDocumentSink.Instance);

        Assert.Equal(FindingCodes.MarkupTooLong, Assert.Single(package.Findings).Code);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 8 * 1024 * 1024, "allocated more than 8 MiB");
    }

    [Fact]
    public async Task ReadAsync_MoreRepeatedElementsThanTheLimit_ReportsTooManyElements()
    {
        var xml = DisPackageBuilder.EntrySummary()
            .WithDocument(SampleDocuments.Pdf(), configure: d =>
            {
                for (var i = 1; i <= 50; i++)
                {
                    d.Commodities.Add(("8471.30.0100", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            })
            .ToBytes();

        var package = await DisReaderTests.ReadAsync(xml, NullDocumentSink.Instance, new DisReaderOptions { MaxRepeatedElements = 20 });

        Assert.Equal(FindingCodes.TooManyElements, Assert.Single(package.Findings).Code);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-32")]
    public async Task ReadAsync_WideEncoding_ReportsUnsupportedEncoding(string encodingName)
    {
        var text = DisPackageBuilder.TwoDocumentSample().ToXml();
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

        var package = await DisReaderTests.ReadAsync(bytes, NullDocumentSink.Instance);

        Assert.Equal(FindingCodes.UnsupportedEncoding, Assert.Single(package.Findings).Code);
        Assert.Equal(bytes.Length, package.ContentLength);
    }

    [Fact]
    public async Task ReadAsync_RootIsNotAMessageEnvelope_ReportsNotDis()
    {
        var xml = "<?xml version=\"1.0\"?><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><ID>1</ID></Invoice>"u8.ToArray();

        var package = await DisReaderTests.ReadAsync(xml, NullDocumentSink.Instance);

        var finding = Assert.Single(package.Findings);
        Assert.Equal(FindingCodes.NotDis, finding.Code);
        Assert.Contains("urn:oasis", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EnvelopeInAnotherNamespace_ReportsNotDis()
    {
        var xml = Encoding.UTF8.GetBytes(DisPackageBuilder.TwoDocumentSample().ToXml().Replace("http://cbp.dhs.gov/DIS", "http://example.com/DIS", StringComparison.Ordinal));

        var package = await DisReaderTests.ReadAsync(xml, NullDocumentSink.Instance);

        Assert.Equal(FindingCodes.NotDis, Assert.Single(package.Findings).Code);
    }

    [Theory]
    [InlineData("DataRequestPackage", "trade query")]
    [InlineData("RequestedDataPackage", "answer to a trade query")]
    [InlineData("MessageValidationResponse", "validation result")]
    [InlineData("DocumentReviewResponse", "review result")]
    public async Task ReadAsync_PayloadThatIsNotASubmission_ReportsUnsupportedPayload(string payload, string says)
    {
        var xml = DisPackageBuilder.EntrySummary().WithPayload(payload).ToBytes();

        var package = await DisReaderTests.ReadAsync(xml, NullDocumentSink.Instance);

        var finding = Assert.Single(package.Findings);
        Assert.Equal((FindingCodes.UnsupportedPayload, FindingSeverity.Error), (finding.Code, finding.Severity));
        Assert.StartsWith(payload, finding.Message, StringComparison.Ordinal);
        Assert.Contains(says, finding.Message, StringComparison.Ordinal);
        Assert.Equal(payload, package.Payload);
    }

    [Fact]
    public async Task ReadAsync_StreamFails_ThePropagatedIOExceptionIsNotAFinding()
    {
        var xml = DisPackageBuilder.TwoDocumentSample().ToBytes();
        using var failing = new FailingStream(xml, failAfter: xml.Length / 2);

        await Assert.ThrowsAsync<IOException>(() => new DisReader().ReadAsync(failing, "d1", NullDocumentSink.Instance));
    }

    [Fact]
    public async Task ReadAsync_Cancelled_ThrowsOperationCanceledAndLeavesNoOpenTarget()
    {
        var xml = DisPackageBuilder.EntrySummary().WithDocument(SampleDocuments.Random(2_000_000, seed: 1)).ToBytes();
        using var cancellation = new CancellationTokenSource();
        var sink = new CancellingSink(cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new DisReader().ReadAsync(new NonSeekableStream(xml), "d1", sink, cancellation.Token));
        Assert.All(sink.Inner.Targets, t => Assert.True(t.Disposed));
    }

    private sealed class FailingStream(byte[] bytes, int failAfter) : Stream
    {
        private readonly NonSeekableStream _inner = new(bytes);
        private int _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= failAfter)
            {
                throw new IOException("connection reset by peer");
            }

            var n = _inner.Read(buffer, offset, Math.Min(count, 1000));
            _read += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Cancels the read after the sink received its first bytes.</summary>
    private sealed class CancellingSink(CancellationTokenSource cancellation) : IDocumentSink
    {
        public InMemoryDocumentSink Inner { get; } = new();

        public async ValueTask<IDocumentTarget> OpenAsync(PendingDocument document, CancellationToken cancellationToken)
        {
            var target = await Inner.OpenAsync(document, cancellationToken);
            await cancellation.CancelAsync();
            return target;
        }
    }
}
