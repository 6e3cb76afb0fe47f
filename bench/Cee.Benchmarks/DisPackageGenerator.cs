using System.Buffers.Text;
using System.Text;

namespace Cee.Benchmarks;

/// <summary>
/// Writes a DIS package with large documents straight into one byte array (Base64 encoded in place),
/// so building it needs no intermediate strings and the process's memory before a read is just the
/// package itself.
/// </summary>
internal static class DisPackageGenerator
{
    private const string Head = """
        <?xml version="1.0" encoding="utf-8"?>
        <MessageEnvelope xmlns="http://cbp.dhs.gov/DIS">
          <MessageHeader><MessageID>BENCH-1</MessageID><MessageType>DocumentSubmissionPackage</MessageType><SentDateTime>2026-11-22T14:05:00Z</SentDateTime><TransmitterID>002</TransmitterID><TransmitterSiteCode>LAX</TransmitterSiteCode><PreparerID>002</PreparerID><PreparerSiteCode>LAX</PreparerSiteCode></MessageHeader>
          <MessageBody><DocumentSubmissionPackage>
            <PackageIdentifier><ImporterOfRecordNbr>12-345678900</ImporterOfRecordNbr></PackageIdentifier>
            <SubmittedToPortCode>2704</SubmittedToPortCode><ActionCode>ADD</ActionCode>
            <TradeTransaction><TransactionCategory>SINGLE_TXN</TransactionCategory><EntrySummary><EntryNumber>002-6110316-2</EntryNumber><Filer>002</Filer></EntrySummary></TradeTransaction>
            <CBPRequest><CBPRequestID>UNSOLICITED</CBPRequestID></CBPRequest>
        """;

    private const string DocumentHead = """
            <DocumentData><DocumentHeader><DocumentID>SCAN-NUMBER</DocumentID><DocumentLabel>Commercial Invoice</DocumentLabel><CompleteFileName>scan-NUMBER.pdf</CompleteFileName><FileExtensionType>PDF</FileExtensionType></DocumentHeader>
            <OptionalData><CommodityList><CommodityData><EntryLineNumber>1</EntryLineNumber><HTSNumber>8471.30.0100</HTSNumber></CommodityData></CommodityList></OptionalData>
            <DocumentObject>
        """;

    private const string DocumentTail = "</DocumentObject></DocumentData>\n";
    private const string Tail = "</DocumentSubmissionPackage></MessageBody>\n</MessageEnvelope>\n";

    /// <summary>The package, and the Base64 text of each document on its own (for the raw baseline).</summary>
    public static (byte[] Package, byte[][] Base64) Build(int documents, int decodedBytesPerDocument, int lineLength)
    {
        var random = new Random(20261122);
        var base64 = new byte[documents][];
        var document = new byte[decodedBytesPerDocument];
        for (var d = 0; d < documents; d++)
        {
            random.NextBytes(document);
            "%PDF-1.7\n"u8.CopyTo(document);
            base64[d] = Encode(document, lineLength);
        }

        using var package = new MemoryStream(capacity: base64.Sum(b => b.Length) + 4096);
        package.Write(Encoding.UTF8.GetBytes(Head));
        for (var d = 0; d < documents; d++)
        {
            package.Write(Encoding.UTF8.GetBytes(DocumentHead.Replace("NUMBER", (d + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
            package.Write(base64[d]);
            package.Write(Encoding.UTF8.GetBytes(DocumentTail));
        }

        package.Write(Encoding.UTF8.GetBytes(Tail));
        return (package.ToArray(), base64);
    }

    private static byte[] Encode(byte[] bytes, int lineLength)
    {
        var plain = new byte[Base64.GetMaxEncodedToUtf8Length(bytes.Length)];
        Base64.EncodeToUtf8(bytes, plain, out _, out var written);
        if (lineLength <= 0)
        {
            return plain[..written];
        }

        var lines = new byte[written + ((written / lineLength) + 1) * 2];
        var at = 0;
        for (var i = 0; i < written; i += lineLength)
        {
            var take = Math.Min(lineLength, written - i);
            plain.AsSpan(i, take).CopyTo(lines.AsSpan(at));
            at += take;
            lines[at++] = (byte)'\r';
            lines[at++] = (byte)'\n';
        }

        return lines[..at];
    }
}
