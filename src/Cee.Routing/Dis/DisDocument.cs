using System.Text.Json.Serialization;
using Cee.Routing.Documents;
using Cee.Routing.Intake;

namespace Cee.Routing.Dis;

/// <summary>One <c>DocumentData</c> of a package and what became of its DocumentObject.</summary>
/// <param name="Ordinal">1-based position in the package.</param>
/// <param name="DocumentId">Our id, <c>{dropId}-{ordinal:000}</c>.</param>
/// <param name="Path">Where, e.g. <c>/MessageEnvelope/MessageBody/DocumentSubmissionPackage/DocumentData[2]</c>.</param>
/// <param name="Header">The DocumentHeader (all null when the element was missing).</param>
/// <param name="GovtAgencies">GovtAgencyList/GovtAgency values.</param>
/// <param name="Commodities">Commodity lines of the document's OptionalData.</param>
/// <param name="ImportersOfRecord">CertificateData and PermitData ImporterOfRecord values.</param>
/// <param name="Decoded">Size, SHA-256 and type of the decoded bytes; null when the DocumentObject was missing, empty or failed (a finding says which).</param>
/// <param name="Location">Where the sink stored it, or null.</param>
public sealed record DisDocument(
    [property: JsonPropertyName("ordinal")] int Ordinal,
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("header")] DisDocumentHeader Header,
    [property: JsonPropertyName("govtAgencies")] IReadOnlyList<string> GovtAgencies,
    [property: JsonPropertyName("commodities")] IReadOnlyList<DisCommodity> Commodities,
    [property: JsonPropertyName("importersOfRecord")] IReadOnlyList<ImporterField> ImportersOfRecord,
    [property: JsonPropertyName("decoded")] DecodedDocument? Decoded,
    [property: JsonPropertyName("location")] string? Location);
