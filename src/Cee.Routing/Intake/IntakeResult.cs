using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>
/// Everything routing needs to know about one drop after it was read and checked. Plain strings
/// (normalized identifiers) so that it serializes unchanged into Durable history and back.
/// </summary>
/// <param name="DropId">The drop's id (see <see cref="Drops.DropIds"/>).</param>
/// <param name="Source">Where the drop came from, e.g. <c>port-drops/2704/entry-0026110316.xml</c>.</param>
/// <param name="Kind">DIS package or bare document.</param>
/// <param name="ContentSha256">Lower-case hex SHA-256 of the whole drop as received (duplicate detection). For a bare
/// document with a manifest or blob metadata, of the file's hash and the manifest's normalized facts: the same scan sent
/// for another entry is not a duplicate.</param>
/// <param name="Verdict">Accept, warn or reject.</param>
/// <param name="Findings">What the checks found, errors first.</param>
/// <param name="Port">Four-digit Schedule D port code, or null.</param>
/// <param name="Filer">Filer code, or null.</param>
/// <param name="Entries">Normalized entry numbers (<c>FFF-NNNNNNN-C</c>) the drop is linked to.</param>
/// <param name="Importers">Distinct importers of record named by the drop (more than one is a conflict for routing).</param>
/// <param name="CbpRequestId">The CBP request (CF-28/CF-29 ACE action number) being answered; null for UNSOLICITED, UNKNOWN or none.</param>
/// <param name="Documents">The decoded documents.</param>
/// <param name="Lines">Commodity lines of all documents, for HTSUS classification.</param>
/// <param name="Message">A DIS package's MessageHeader as written (its Comment masked), echoed in the answer to the port; null for a bare document.</param>
/// <param name="Withdrawal">What a DIS DocumentWithdrawal names, when the drop is one; null otherwise (then the drop has no document).</param>
public sealed record IntakeResult(
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("kind")] DropKind Kind,
    [property: JsonPropertyName("contentSha256")] string ContentSha256,
    [property: JsonPropertyName("verdict")] IntakeVerdict Verdict,
    [property: JsonPropertyName("findings")] IReadOnlyList<Finding> Findings,
    [property: JsonPropertyName("port")] string? Port,
    [property: JsonPropertyName("filer")] string? Filer,
    [property: JsonPropertyName("entries")] IReadOnlyList<string> Entries,
    [property: JsonPropertyName("importers")] IReadOnlyList<ImporterRef> Importers,
    [property: JsonPropertyName("cbpRequestId")] string? CbpRequestId,
    [property: JsonPropertyName("documents")] IReadOnlyList<IntakeDocument> Documents,
    [property: JsonPropertyName("lines")] IReadOnlyList<CommodityLine> Lines,
    [property: JsonPropertyName("message")] Dis.DisMessageHeader? Message = null,
    [property: JsonPropertyName("withdrawal")] WithdrawalRequest? Withdrawal = null)
{
    /// <summary>The error findings, which are the reasons of a rejection.</summary>
    [JsonIgnore]
    public IEnumerable<Finding> Errors => Findings.Where(f => f.Severity == FindingSeverity.Error);
}
