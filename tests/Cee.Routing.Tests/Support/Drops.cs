using Cee.Routing.Drops;
using Cee.Routing.Intake;

namespace Cee.Routing.Tests.Support;

/// <summary>
/// Intake results shaped like real drops: entry 002-6110316-2 (the worked example of a CBP
/// ruling), Los Angeles port 2704, an EIN importer, commercial invoices with real HTSUS numbers.
/// </summary>
internal static class Drops
{
    public const string Entry = "002-6110316-2";
    public const string SecondEntry = "002-6110317-0";
    public const string Port = "2704";

    public static readonly ImporterRef Electronics = new("12-345678900", "12345678900", "ein");
    public static readonly ImporterRef Steel = new("98-765432100", "98765432100", "ein");
    public static readonly ImporterRef SoleProprietor = new("***-**-1120", "ssn:5f0c2b7a9e", "ssn");

    public static DropReference Reference(string source = "port-drops/2704/entry-0026110316.xml") =>
        DropReference.For(source, "sha256:test");

    public static IntakeResult Package(
        DropReference? drop = null,
        IntakeVerdict verdict = IntakeVerdict.Accept,
        IReadOnlyList<ImporterRef>? importers = null,
        IReadOnlyList<string>? entries = null,
        IReadOnlyList<CommodityLine>? lines = null,
        IReadOnlyList<DocumentKind>? kinds = null,
        string? cbpRequestId = null,
        IReadOnlyList<Finding>? findings = null,
        string contentSha256 = "9f2c4b0e8d1a7c3f5e6b9a2d4c8e1f0a3b5d7c9e2f4a6b8d0c1e3f5a7b9d2c4e")
    {
        drop ??= Reference();
        kinds ??= [DocumentKind.EntrySummary, DocumentKind.EntrySummary];
        var documents = kinds.Select((kind, i) => new IntakeDocument(
            DropIds.DocumentId(drop.DropId, i + 1),
            $"DOC-{i + 1}",
            kind switch
            {
                DocumentKind.Cf28Response => "CBP Form 28 Response",
                DocumentKind.Protest => "CBP Form 19",
                _ => i == 0 ? "Commercial Invoice" : "Packing List",
            },
            kind,
            $"document-{i + 1}.pdf",
            "pdf",
            "pdf",
            48_213 + i,
            $"{i:x2}3f7a1c9e5b2d8f4a6c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3",
            $"documents/{DropIds.DocumentId(drop.DropId, i + 1)}")).ToList();
        return new IntakeResult(
            drop.DropId,
            drop.Source,
            DropKind.Dis,
            contentSha256,
            verdict,
            findings ?? [],
            Port,
            "002",
            entries ?? [Entry],
            importers ?? [Electronics],
            cbpRequestId,
            documents,
            lines ?? ElectronicsLines);
    }

    /// <summary>
    /// A DIS DocumentWithdrawal read by intake: it names <paramref name="documentId"/> (as <see cref="Package"/>
    /// names its documents, <c>DOC-1</c>…) on port 2704 for <paramref name="entries"/>, and has no document of its own.
    /// </summary>
    public static IntakeResult Withdrawal(
        DropReference drop,
        string documentId = "DOC-1",
        IReadOnlyList<string>? entries = null,
        string reason = "Invoice sent for the wrong entry",
        string contentSha256 = "4d1e7a0c3b9f2e5d8a6c1b4e7f0a3d6c9b2e5f8a1d4c7b0e3f6a9c2d5b8e1f4a") =>
        new(drop.DropId, drop.Source, DropKind.Dis, contentSha256, IntakeVerdict.Accept, [], Port, "002",
            entries ?? [Entry], [Electronics], null, [], [],
            Withdrawal: new WithdrawalRequest(documentId, "Commercial Invoice", "document-1.pdf", "pdf", "DELETE", reason, null));

    /// <summary>Two laptop lines (CEE007) and one car line (CEE003).</summary>
    public static IReadOnlyList<CommodityLine> ElectronicsLines { get; } =
    [
        new("8471300100", 1),
        new("8471410150", 2),
        new("8703230190", 3),
    ];

    /// <summary>One medicament line (CEE001) and one laptop line (CEE007): a tie.</summary>
    public static IReadOnlyList<CommodityLine> TiedLines { get; } =
    [
        new("3004909290", 1),
        new("8471300100", 2),
    ];
}
