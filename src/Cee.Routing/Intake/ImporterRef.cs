using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>
/// An importer of record number as it crosses process boundaries (Durable history, messages,
/// ledger, logs): the masked display form and the key account lookups use. An SSN appears in
/// neither: its display is <c>***-**-NNNN</c> and its key a one-way hash.
/// </summary>
/// <param name="Masked">Normalized form, masked when it is an SSN.</param>
/// <param name="LookupKey">The key of the importer's account (see <c>ImporterNumber.LookupKey</c>).</param>
/// <param name="Kind">"ein", "ssn" or "cbp-assigned".</param>
public sealed record ImporterRef(
    [property: JsonPropertyName("masked")] string Masked,
    [property: JsonPropertyName("lookupKey")] string LookupKey,
    [property: JsonPropertyName("kind")] string Kind);
