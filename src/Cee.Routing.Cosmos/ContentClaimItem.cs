using System.Text.Json.Serialization;
using Cee.Routing.Ledger;

namespace Cee.Routing.Cosmos;

/// <summary>A content claim as stored: the <see cref="ContentClaim"/> contract plus <c>id</c> (the drop SHA-256) and the schema version.</summary>
internal sealed record ContentClaimItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("claim")] ContentClaim Claim)
{
    public const int CurrentSchemaVersion = 1;

    public static ContentClaimItem From(ContentClaim claim) => new(claim.DropSha256, CurrentSchemaVersion, claim);

    public static string? Validate(ContentClaimItem item, string id) => item switch
    {
        _ when !string.Equals(item.Id, id, StringComparison.Ordinal) => $"it names id '{item.Id}'.",
        { SchemaVersion: not CurrentSchemaVersion } => $"schema version {item.SchemaVersion}; this build reads version {CurrentSchemaVersion}.",
        { Claim.DropId: null or "" } => "it names no drop.",
        _ => null,
    };
}
