using System.Text.Json.Serialization;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Intake;

/// <summary>
/// An importer of record number as it crosses process boundaries (Durable history, messages,
/// ledger, logs): the masked display form and the key account lookups use. An SSN appears in
/// neither: its display is <c>***-**-NNNN</c> and its key a one-way hash.
/// </summary>
/// <param name="Masked">Normalized form, masked when it is an SSN.</param>
/// <param name="LookupKey">The key of the importer's account (<see cref="ImporterLookupKeys.For"/>): never an SSN.</param>
/// <param name="Kind">"ein", "ssn" or "cbp-assigned".</param>
public sealed record ImporterRef(
    [property: JsonPropertyName("masked")] string Masked,
    [property: JsonPropertyName("lookupKey")] string LookupKey,
    [property: JsonPropertyName("kind")] string Kind)
{
    /// <summary>The reference of a parsed importer number, its key derived with the deployment's <paramref name="keys"/>.</summary>
    public static ImporterRef From(ImporterNumber number, ImporterLookupKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var kind = number.Kind switch
        {
            ImporterNumberKind.Ein => "ein",
            ImporterNumberKind.Ssn => "ssn",
            ImporterNumberKind.CbpAssigned => "cbp-assigned",
            _ => throw new ArgumentException("default(ImporterNumber) has no reference.", nameof(number)),
        };
        return new ImporterRef(number.Masked, keys.For(number), kind);
    }
}
