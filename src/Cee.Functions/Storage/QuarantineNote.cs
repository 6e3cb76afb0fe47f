using System.Text.Json.Serialization;
using Cee.Routing.Intake;

namespace Cee.Functions.Storage;

/// <summary>
/// What the <c>{name}.reasons.json</c> blob beside a quarantined drop says (schema
/// <c>cee.quarantine-note</c>, version 1): the drop, every reason in full, and where the bytes are.
/// </summary>
/// <param name="Blob">The quarantined copy's name in <c>quarantine</c>, or null when the bytes could not be copied.</param>
/// <param name="Copied">Whether the drop's bytes are in quarantine.</param>
/// <param name="Note">Why the bytes are not there, when they are not.</param>
public sealed record QuarantineNote(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("contentVersion")] string ContentVersion,
    [property: JsonPropertyName("quarantinedAt")] DateTimeOffset QuarantinedAt,
    [property: JsonPropertyName("blob")] string? Blob,
    [property: JsonPropertyName("copied")] bool Copied,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("reasons")] IReadOnlyList<Finding> Reasons)
{
    public const string SchemaName = "cee.quarantine-note";
    public const int CurrentVersion = 1;
}
