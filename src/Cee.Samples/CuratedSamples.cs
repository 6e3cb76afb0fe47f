using System.Globalization;
using System.Text;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;

namespace Cee.Samples;

/// <summary>
/// The sample set committed under <c>samples/</c>: realistic drops for several Centers, a CF-28 and a
/// CF-29 response, a protest over several entries, bare documents with and without manifests, a
/// duplicate and a few bad drops, plus the accounts and requests files that decide them. Every byte is
/// made here (nothing downloaded); a test checks the committed files are exactly these.
/// </summary>
public static class CuratedSamples
{
    public const string DropsFolder = "drops";
    public const string AccountsFile = "accounts.json";
    public const string RequestsFile = "requests.json";

    // Importers (EINs with suffix 00, an SSN of a sole proprietor, a CBP-assigned number) and their accounts.
    private const string ElectronicsImporter = "12-345678900";   // CEE007, C-TPAT
    private const string AutoPartsImporter = "38-124507700";     // CEE003
    private const string SteelImporter = "95-301284400";         // CEE005
    private const string NotEligibleImporter = "27-558901200";   // NOTELG
    private const string PendingImporter = "46-220178300";       // PNDING
    private const string MaterialsImporter = "84-770312900";     // CEE009, protest
    private const string SoleProprietor = "078-05-1120";         // SSN: the voided 1938 wallet-card specimen; CEE008
    private const string ProduceImporter = "991225-01234";       // CBP-assigned, CEE002
    private const string UnknownImporter = "51-998877600";       // no account

    private const string Cf28Request = "CF28-2704-0001187";
    private const string ElectronicsInvoice = "INV-2026-0417";
    private const string WithdrawalSample = "2704/withdrawal-inv-2026-0417.xml";
    private const string Cf29Request = "CF29-3901-0000452";

    /// <summary>The drops and what <c>cee route</c> must do with each, in path order.</summary>
    public static IReadOnlyList<SampleDrop> Drops { get; } =
    [
        new("0901/bathroom-tissue-invoice.pdf", "bare PDF with a manifest naming no importer: routed by its HTSUS lines (paper)", IntakeVerdict.Accept, LedgerState.Routed, "CEE009"),
        new("1001/entry-summary-notelg.xml", "importer is NOTELG: routed by HTSUS predominance (two medicament lines against one toothpaste line), flagged account-not-eligible", IntakeVerdict.Accept, LedgerState.Routed, "CEE001"),
        new("1704/furniture-invoice.jpg", "bare JPEG, sole proprietor's SSN in the manifest: routed by account, the SSN masked everywhere", IntakeVerdict.Accept, LedgerState.Routed, "CEE008"),
        new("2006/unlabelled-scan.png", "bare PNG with no manifest: kept, accepted with a warning, waits for a person", IntakeVerdict.Warn, LedgerState.AwaitingReview, null, FindingCodes.NoManifest),
        new("2304/entry-summary-tie.xml", "unknown importer, one medicament line and one computer line: a tie, waits for a person", IntakeVerdict.Accept, LedgerState.AwaitingReview, null),
        new("2704/bad-check-digit.xml", "entry 002-6110316-3 fails its check digit: rejected and quarantined", IntakeVerdict.Reject, LedgerState.Rejected, null, FindingCodes.EntryCheckDigit),
        new("2704/cf28-response.xml", "answers CF-28 " + Cf28Request + ", issued by Machinery before the importer moved to Electronics: goes to the issuer", IntakeVerdict.Accept, LedgerState.Routed, "CEE010"),
        new("2704/commercial-invoice.pdf", "the same invoice sent alone as a bare PDF with its manifest: routed by account", IntakeVerdict.Accept, LedgerState.Routed, "CEE007"),
        new("2704/entry-summary-electronics.xml", "invoice and packing list of an Electronics account: routed by account; the invoice is then withdrawn (below), the packing list stays Routed", IntakeVerdict.Accept, LedgerState.Routed, "CEE007", Withdrawn: [ElectronicsInvoice]),
        new("2704/invalid-base64.xml", "a DocumentObject that is not Base64: rejected and quarantined", IntakeVerdict.Reject, LedgerState.Rejected, null, FindingCodes.InvalidBase64),
        new("2704/truncated.xml", "a package cut off in transfer: rejected and quarantined", IntakeVerdict.Reject, LedgerState.Rejected, null, FindingCodes.Truncated),
        new(WithdrawalSample, "a DocumentWithdrawal of invoice " + ElectronicsInvoice + " of 2704/entry-summary-electronics.xml: the invoice ends Withdrawn and CEE007 gets a withdrawal message in its session", IntakeVerdict.Accept, LedgerState.Routed, "CEE007", Withdraws: "2704/entry-summary-electronics.xml"),
        new("2704/xxe-attempt.xml", "a DOCTYPE declaring an external entity (XXE): refused unread, rejected and quarantined", IntakeVerdict.Reject, LedgerState.Rejected, null, FindingCodes.DtdProhibited),
        new("2709/entry-summary-electronics-resent.xml", "the same bytes as 2704/entry-summary-electronics.xml, sent again: a duplicate, not routed twice", IntakeVerdict.Accept, LedgerState.Duplicate, null),
        new("2709/entry-summary-two-importers.xml", "package and transaction name different importers of record: waits for a person", IntakeVerdict.Warn, LedgerState.AwaitingReview, null, FindingCodes.ImporterConflict),
        new("2809/entry-summary-apparel.xml", "importer without an account: routed by HTSUS predominance (knit apparel and footwear)", IntakeVerdict.Accept, LedgerState.Routed, "CEE004"),
        new("3801/entry-summary-auto-parts.xml", "auto-parts account, one tyre line of Industrial Materials: routed by account", IntakeVerdict.Accept, LedgerState.Routed, "CEE003"),
        new("3901/cf29-response.xml", "answers CF-29 " + Cf29Request + " (Notice of Action) issued by Base Metals: goes to the issuer", IntakeVerdict.Accept, LedgerState.Routed, "CEE005"),
        new("3901/protest-3901-2026-100274.xml", "a protest covering three entries of one importer: routed once to the importer's Center", IntakeVerdict.Accept, LedgerState.Routed, "CEE009"),
        new("3901/steel-mill-certificate.tif", "bare big-endian TIFF of a Base Metals account, manifest beside it: routed by account", IntakeVerdict.Accept, LedgerState.Routed, "CEE005"),
        new("5201/banana-invoice.pdf", "bare PDF of a CBP-assigned importer number's account (produce): routed by account", IntakeVerdict.Accept, LedgerState.Routed, "CEE002"),
        new("5301/entry-summary-pending.xml", "importer's assignment is PNDING: routed by HTSUS (petroleum oils), flagged account-pending", IntakeVerdict.Accept, LedgerState.Routed, "CEE006"),
    ];

    /// <summary>Every file of the set: the drops (and their manifests), the accounts and requests files, and README.md.</summary>
    public static IReadOnlyList<SampleFile> Files()
    {
        var files = new List<SampleFile>
        {
            Text(AccountsFile, AccountsJson),
            Text(RequestsFile, RequestsJson),
        };
        files.AddRange(DropFiles().Select(f => f with { Path = $"{DropsFolder}/{f.Path}" }));
        files.Add(Text("README.md", Readme()));
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>An entry number with its check digit computed, e.g. <c>Entry("316", "0123456")</c>.</summary>
    public static string Entry(string filer, string serial) =>
        $"{filer}-{serial}-{EntryNumber.ComputeCheckDigit(filer + serial)}";

    private static IEnumerable<SampleFile> DropFiles()
    {
        var electronics = Xml(Package("2704", "LAX", "MSG-LAX-20261121-0001", ElectronicsImporter)
            .WithEntrySummary("002-6110316-2", "002")
            .WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "commercial-invoice.pdf", "PDF", d =>
            {
                d.DocumentId = "INV-2026-0417";
                d.Commodities.Add(("8471.30.0100", "1"));
                d.Commodities.Add(("8471.41.0150", "2"));
            })
            .WithDocument(SampleDocuments.Png(), "Packing List", "packing-list.png", "PNG", d => d.DocumentId = "PL-2026-0417"));
        yield return new("2704/entry-summary-electronics.xml", electronics);
        yield return new("2709/entry-summary-electronics-resent.xml", electronics);

        yield return new("3801/entry-summary-auto-parts.xml", Xml(Package("3801", "DTW", "MSG-DTW-20261121-0311", AutoPartsImporter, "316")
            .WithEntrySummary(Entry("316", "0418822"), "316")
            .WithDocument(SampleDocuments.Pdf("Commercial Invoice 77-1420 - bumpers, brake parts, tyres"), "Commercial Invoice", "invoice-77-1420.pdf", "PDF", d =>
            {
                d.DocumentId = "INV-77-1420";
                d.Commodities.Add(("8708.10.3050", "1"));
                d.Commodities.Add(("8708.30.5090", "2"));
                d.Commodities.Add(("4011.10.1010", "3"));
            })));

        yield return new("1001/entry-summary-notelg.xml", Xml(Package("1001", "JFK", "MSG-JFK-20261121-0044", NotEligibleImporter, "B4C")
            .WithEntrySummary(Entry("B4C", "2200185"), "B4C")
            .WithDocument(SampleDocuments.Pdf("Commercial Invoice PH-5521 - tablets and toothpaste"), "Commercial Invoice", "invoice-ph-5521.pdf", "PDF", d =>
            {
                d.DocumentId = "INV-PH-5521";
                d.Commodities.Add(("3004.90.9290", "1"));
                d.Commodities.Add(("3004.90.9215", "2"));
                d.Commodities.Add(("3306.10.0000", "3"));
            })));

        yield return new("5301/entry-summary-pending.xml", Xml(Package("5301", "HOU", "MSG-HOU-20261121-0907", PendingImporter, "H55")
            .WithEntrySummary(Entry("H55", "0093317"), "H55")
            .WithDocument(SampleDocuments.Pdf("Commercial Invoice TX-88 - lubricating base oils"), "Commercial Invoice", "invoice-tx-88.pdf", "PDF", d =>
            {
                d.DocumentId = "INV-TX-88";
                d.Commodities.Add(("2710.19.3050", "1"));
            })));

        yield return new("2809/entry-summary-apparel.xml", Xml(Package("2809", "SFO", "MSG-SFO-20261121-0150", UnknownImporter, "A47")
            .WithEntrySummary(Entry("A47", "5501942"), "A47")
            .WithDocument(SampleDocuments.Pdf("Commercial Invoice SF-3310 - T-shirts, sweaters, shoes"), "Commercial Invoice", "invoice-sf-3310.pdf", "PDF", d =>
            {
                d.DocumentId = "INV-SF-3310";
                d.Commodities.Add(("6109.10.0012", "1"));
                d.Commodities.Add(("6110.20.2079", "2"));
                d.Commodities.Add(("6403.99.9065", "3"));
            })));

        yield return new("2704/cf28-response.xml", Xml(Package("2704", "LAX", "MSG-LAX-20261121-0215", ElectronicsImporter)
            .WithEntrySummary("002-6110316-2", "002")
            .WithRequest(Cf28Request, "CF28", "2026-11-02T09:30:00Z")
            .WithDocument(SampleDocuments.Pdf("Response to CBP Form 28 " + Cf28Request), "CBP Form 28 Response", "cf28-response.pdf", "PDF", d => d.DocumentId = "CF28-RESP-1")
            .WithDocument(SampleDocuments.Tiff(), "Commercial Invoice", "invoice-scan.tif", "TIF", d => d.DocumentId = "CF28-RESP-2")));

        yield return new("3901/cf29-response.xml", Xml(Package("3901", "ORD", "MSG-ORD-20261121-0620", UnknownImporter, "A47")
            .WithEntrySummary(Entry("A47", "5501950"), "A47")
            .WithRequest(Cf29Request, "CF29", "2026-10-28T15:00:00Z")
            .WithDocument(SampleDocuments.Pdf("Response to CBP Form 29 " + Cf29Request), "CBP Form 29 Response", "cf29-response.pdf", "PDF", d => d.DocumentId = "CF29-RESP-1")));

        var protest = Package("3901", "ORD", "MSG-ORD-20261121-0701", MaterialsImporter, "316")
            .WithPackage("PROTEST", "Protest 3901-2026-100274")
            .WithoutEntries();
        foreach (var serial in new[] { "0123456", "0123464", "0123472" })
        {
            protest.WithEntrySummary(Entry("316", serial), "316");
        }

        yield return new("3901/protest-3901-2026-100274.xml", Xml(protest
            .WithDocument(SampleDocuments.Pdf("CBP Form 19 Protest 3901-2026-100274"), "CBP Form 19", "protest-3901-2026-100274.pdf", "PDF", d => d.DocumentId = "PROTEST-100274")));

        yield return new("2304/entry-summary-tie.xml", Xml(Package("2304", "LRD", "MSG-LRD-20261121-0035", UnknownImporter, "A47")
            .WithEntrySummary(Entry("A47", "5501968"), "A47")
            .WithDocument(SampleDocuments.Pdf("Commercial Invoice LRD-14 - medicaments and laptops"), "Commercial Invoice", "invoice-lrd-14.pdf", "PDF", d =>
            {
                d.DocumentId = "INV-LRD-14";
                d.Commodities.Add(("3004.90.9290", "1"));
                d.Commodities.Add(("8471.30.0100", "2"));
            })));

        yield return new("2709/entry-summary-two-importers.xml", Xml(Package("2709", "LGB", "MSG-LGB-20261121-0518", ElectronicsImporter)
            .WithEntrySummary("002-6110317-0", "002")
            .WithTradeImporter(SteelImporter)
            .WithDocument(SampleDocuments.Pdf("Commercial Invoice LGB-2 - laptops"), "Commercial Invoice", "invoice-lgb-2.pdf", "PDF", d =>
            {
                d.DocumentId = "INV-LGB-2";
                d.Commodities.Add(("8471.30.0100", "1"));
            })));

        yield return new("2704/bad-check-digit.xml", Xml(Package("2704", "LAX", "MSG-LAX-20261121-0099", ElectronicsImporter)
            .WithEntrySummary("002-6110316-3", "002")
            .WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "commercial-invoice.pdf", "PDF", d => d.DocumentId = "INV-BAD-1")));

        // Named to sort after the document it withdraws: cee route looks a withdrawal's document up once every drop before it has ended.
        yield return new(WithdrawalSample, Xml(Package("2704", "LAX", "MSG-LAX-20261121-0120", ElectronicsImporter)
            .WithEntrySummary("002-6110316-2", "002")
            .WithPayload("DocumentWithdrawal")));

        yield return new("2704/invalid-base64.xml", Xml(Package("2704", "LAX", "MSG-LAX-20261121-0130", ElectronicsImporter)
            .WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "commercial-invoice.pdf", "PDF", d =>
            {
                d.DocumentId = "INV-B64-1";
                d.RawObject = "JVBERi0xLjQK%%%not*base64%%%";
            })));

        var whole = Encoding.UTF8.GetString(electronics);
        yield return new("2704/truncated.xml", Encoding.UTF8.GetBytes(whole[..(whole.Length * 2 / 3)]));

        yield return new("2704/xxe-attempt.xml", Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE MessageEnvelope [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <MessageEnvelope xmlns="http://cbp.dhs.gov/DIS">
              <MessageHeader><MessageID>&secret;</MessageID></MessageHeader>
            </MessageEnvelope>

            """.ReplaceLineEndings("\n")));

        // Bare documents: each with its manifest beside it, but one.
        yield return new("2704/commercial-invoice.pdf", SampleDocuments.Pdf());
        yield return Manifest("2704/commercial-invoice.pdf", "2704", "002", ["002-6110316-2"], ElectronicsImporter, "Commercial Invoice", [("8471.30.0100", 1), ("8471.41.0150", 2)]);
        yield return new("0901/bathroom-tissue-invoice.pdf", SampleDocuments.Pdf("Commercial Invoice BUF-73 - toilet tissue"));
        yield return Manifest("0901/bathroom-tissue-invoice.pdf", "0901", "A47", [Entry("A47", "5501976")], null, "Commercial Invoice", [("4818.10.0020", 1)]);
        yield return new("1704/furniture-invoice.jpg", SampleDocuments.Jpeg());
        yield return Manifest("1704/furniture-invoice.jpg", "1704", "A47", [Entry("A47", "5501984")], SoleProprietor, "Commercial Invoice", [("9403.60.8081", 1)]);
        yield return new("2006/unlabelled-scan.png", SampleDocuments.Png(24, 12));
        yield return new("3901/steel-mill-certificate.tif", SampleDocuments.Tiff(bigEndian: true));
        yield return Manifest("3901/steel-mill-certificate.tif", "3901", "316", [Entry("316", "0123480")], SteelImporter, "Mill Certificate", [("7208.51.0030", 1)]);
        yield return new("5201/banana-invoice.pdf", SampleDocuments.Pdf("Commercial Invoice MIA-5 - bananas"));
        yield return Manifest("5201/banana-invoice.pdf", "5201", "M12", [Entry("M12", "3300128")], ProduceImporter, "Commercial Invoice", [("0803.90.0045", 1)]);
    }

    private static DisPackageBuilder Package(string port, string site, string messageId, string importer, string filer = "002") =>
        new DisPackageBuilder()
            .WithMessage(messageId, "2026-11-21T14:05:00Z")
            .WithSite(site)
            .WithPort(port)
            .WithPreparer(filer)
            .WithPackageImporter(importer)
            .WithPackage("ENTRY_SUMMARY", $"Entry summary documents {messageId}");

    private static SampleFile Manifest(string document, string port, string filer, IReadOnlyList<string> entries, string? importer, string label, IReadOnlyList<(string Hts, int Line)> lines)
    {
        var json = new StringBuilder("{\n");
        json.Append(CultureInfo.InvariantCulture, $"  \"port\": \"{port}\",\n  \"filer\": \"{filer}\",\n");
        json.Append("  \"entryNumbers\": [").Append(string.Join(", ", entries.Select(e => $"\"{e}\""))).Append("],\n");
        if (importer is not null)
        {
            json.Append(CultureInfo.InvariantCulture, $"  \"importerNumber\": \"{importer}\",\n");
        }

        json.Append(CultureInfo.InvariantCulture, $"  \"documentLabel\": \"{label}\",\n  \"cbpRequestId\": \"UNSOLICITED\",\n");
        json.Append("  \"lines\": [\n").Append(string.Join(",\n", lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"    {{ \"hts\": \"{l.Hts}\", \"line\": {l.Line} }}")))).Append("\n  ]\n}\n");
        return Text(document + ".cee.json", json.ToString());
    }

    private static string AccountsJson => $$"""
        [
          { "importerNumber": "{{ElectronicsImporter}}", "center": "CEE007", "trustedTrader": ["C-TPAT"] },
          { "importerNumber": "{{AutoPartsImporter}}", "center": "CEE003" },
          { "importerNumber": "{{SteelImporter}}", "center": "CEE005" },
          { "importerNumber": "{{NotEligibleImporter}}", "center": "NOTELG" },
          { "importerNumber": "{{PendingImporter}}", "center": "PNDING" },
          { "importerNumber": "{{MaterialsImporter}}", "center": "CEE009" },
          { "importerNumber": "{{SoleProprietor}}", "center": "CEE008" },
          { "importerNumber": "{{ProduceImporter}}", "center": "CEE002", "trustedTrader": ["C-TPAT", "ISA"] }
        ]

        """;

    private static string RequestsJson => $$"""
        [
          { "requestId": "{{Cf28Request}}", "center": "CEE010" },
          { "requestId": "{{Cf29Request}}", "center": "CEE005" }
        ]

        """;

    private static string Readme()
    {
        var text = new StringBuilder();
        text.Append("""
            # Samples

            Realistic drops for `cee route` and `cee inspect`, made by code (`src/Cee.Samples/CuratedSamples.cs`;
            nothing downloaded). Do not edit these files by hand: a test checks they are exactly what the code
            writes, and `CEE_WRITE_SAMPLES=1 dotnet test tests/Cee.Routing.Tests --filter FullyQualifiedName~CuratedSamplesTests`
            rewrites them.

            ```bash
            dotnet run --project src/Cee.Cli -- route samples/drops --accounts samples/accounts.json --requests samples/requests.json
            ```

            - `drops/<port>/<file>`: as ports drop them (the blob layout `port-drops/{port}/{name}`). Bare
              documents carry their manifest beside them as `<file>.cee.json`.
            - `accounts.json`: importer accounts (assigned Center, `NOTELG` or `PNDING`, trusted-trader programmes).
            - `requests.json`: the CF-28 and CF-29 requests and the Center that issued each.

            | drop | shows | intake | ends | Center |
            |---|---|---|---|---|

            """.ReplaceLineEndings("\n"));
        foreach (var drop in Drops)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| `{drop.Path}` | {drop.Shows} | {drop.Verdict.ToString().ToLowerInvariant()} | {drop.State}{(drop.Withdrawn is { Count: > 0 } w ? $" ({string.Join(", ", w)}: then Withdrawn)" : string.Empty)} | {drop.Center ?? "-"} |\n");
        }

        text.Append("""

            The packages follow CBP's DIS schema v1.2: those meant to be valid pass
            `xmllint --noout --schema MessageEnvelope.xsd`. Entry numbers carry correct check digits; the
            EINs, CBP-assigned number and request ids are invented, and the SSN is `078-05-1120`, the 1938
            wallet-card specimen that the Social Security Administration voided.

            """.ReplaceLineEndings("\n"));
        return text.ToString();
    }

    private static byte[] Xml(DisPackageBuilder builder) => Encoding.UTF8.GetBytes(builder.ToXml() + "\n");

    private static SampleFile Text(string path, string text) => new(path, Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")));
}
