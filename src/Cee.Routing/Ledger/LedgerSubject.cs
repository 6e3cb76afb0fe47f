using System.Text.Json.Serialization;
using Cee.Routing.Intake;

namespace Cee.Routing.Ledger;

/// <summary>
/// What a ledger record is about: one document of a drop, or the drop itself when it had no
/// readable document. Written once, with the Received transition.
/// </summary>
/// <param name="DropId">The drop the document came in.</param>
/// <param name="Source">Where the drop was, e.g. <c>port-drops/2704/x.xml</c>.</param>
/// <param name="DropSha256">SHA-256 of the whole drop (duplicate detection).</param>
/// <param name="DropKind">DIS package or bare document.</param>
/// <param name="Document">The document, or null for a drop-level record.</param>
/// <param name="Port">Schedule D port code.</param>
/// <param name="Filer">Filer code.</param>
/// <param name="Entries">Normalized entry numbers.</param>
/// <param name="Importer">Masked importer number (the first, when the drop named several).</param>
/// <param name="CbpRequestId">The CBP request answered, if any.</param>
public sealed record LedgerSubject(
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("dropSha256")] string DropSha256,
    [property: JsonPropertyName("dropKind")] DropKind DropKind,
    [property: JsonPropertyName("document")] IntakeDocument? Document,
    [property: JsonPropertyName("port")] string? Port,
    [property: JsonPropertyName("filer")] string? Filer,
    [property: JsonPropertyName("entries")] IReadOnlyList<string> Entries,
    [property: JsonPropertyName("importer")] string? Importer,
    [property: JsonPropertyName("cbpRequestId")] string? CbpRequestId)
{
    /// <summary>The ledger record id: the document id, or the drop id for a drop-level record.</summary>
    [JsonIgnore]
    public string RecordId => Document?.Id ?? DropId;

    /// <summary>One subject per document of the drop, or one for the drop itself when it has none.</summary>
    public static IReadOnlyList<LedgerSubject> Of(IntakeResult intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var importer = intake.Importers.Count > 0 ? intake.Importers[0].Masked : null;
        LedgerSubject For(IntakeDocument? document) => new(
            intake.DropId, intake.Source, intake.ContentSha256, intake.Kind, document,
            intake.Port, intake.Filer, intake.Entries, importer, intake.CbpRequestId);
        return intake.Documents.Count == 0 ? [For(null)] : [.. intake.Documents.Select(For)];
    }
}
