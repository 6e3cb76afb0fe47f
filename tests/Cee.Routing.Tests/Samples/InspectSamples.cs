using System.Text;
using Cee.Routing.Tests.Support;

namespace Cee.Routing.Tests.Samples;

/// <summary>
/// The files under <c>samples/inspect/</c>, made by code: DIS packages from <see cref="DisPackageBuilder"/>
/// and documents from <see cref="SampleDocuments"/>. <see cref="InspectSamplesTests"/> checks the
/// committed files are exactly these (regenerate with <c>CEE_WRITE_SAMPLES=1</c>).
/// </summary>
internal static class InspectSamples
{
    public const string Folder = "samples/inspect";

    public static IReadOnlyDictionary<string, byte[]> All() => new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
    {
        ["entry-summary-2704.xml"] = Xml(DisPackageBuilder.TwoDocumentSample()),
        ["cf28-response-2704.xml"] = Xml(DisPackageBuilder.EntrySummary()
            .WithRequest("CF28-2704-0001187", "CF28", "2026-11-02T09:30:00Z")
            .WithDocument(SampleDocuments.Pdf("Response to CBP Form 28 for entry 002-6110316-2"), "CBP Form 28 Response", "cf28-response.pdf", "PDF", d =>
            {
                d.DocumentId = "CF28-RESP-1";
                d.InvoiceLines.Add(("8471.30.0100", "1"));
            })
            .WithDocument(SampleDocuments.Tiff(), "Commercial Invoice", "invoice-scan.tif", "TIF", d => d.DocumentId = "CF28-RESP-2")),
        ["bad-check-digit.xml"] = Xml(DisPackageBuilder.EntrySummary().WithoutEntries().WithEntrySummary("002-6110316-3", "002")
            .WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "commercial-invoice.pdf", "PDF")),
        ["document-withdrawal.xml"] = Xml(DisPackageBuilder.EntrySummary().WithPayload("DocumentWithdrawal")),
        ["commercial-invoice.pdf"] = SampleDocuments.Pdf(),
        ["commercial-invoice.pdf.cee.json"] = Encoding.UTF8.GetBytes("""
            {
              "port": "2704",
              "filer": "002",
              "entryNumbers": ["002-6110316-2"],
              "importerNumber": "12-345678900",
              "documentLabel": "Commercial Invoice",
              "cbpRequestId": "UNSOLICITED",
              "lines": [
                { "hts": "8471.30.0100", "line": 1 },
                { "hts": "8471.41.0150", "line": 2 }
              ]
            }

            """.ReplaceLineEndings("\n")),
        ["unlabelled-scan.png"] = SampleDocuments.Png(),
    };

    /// <summary>A package as a committed text file: ending in a newline, as the repository's files do.</summary>
    private static byte[] Xml(DisPackageBuilder builder) => Encoding.UTF8.GetBytes(builder.ToXml() + "\n");
}
