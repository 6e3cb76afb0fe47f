using System.Text.Json.Serialization;
using Cee.Routing.Accounts;

namespace Cee.Routing.Cosmos;

/// <summary>
/// An importer account as stored: the <see cref="ImporterAccount"/> contract's fields under their
/// contract names, plus <c>id</c> (the lookup key, so a lookup is a point read) and the schema
/// version. Holds the lookup key (a keyed hash for an SSN) and the masked number, never an SSN.
/// </summary>
internal sealed record ImporterAccountItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("lookupKey")] string LookupKey,
    [property: JsonPropertyName("importer")] string Importer,
    [property: JsonPropertyName("status")] AccountStatus Status,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("trustedTrader")] IReadOnlyList<string> TrustedTrader)
{
    public const int CurrentSchemaVersion = 1;

    public static ImporterAccountItem From(ImporterAccount account) =>
        new(account.LookupKey, CurrentSchemaVersion, account.LookupKey, account.Importer, account.Status, account.Center, [.. account.TrustedTrader]);

    public ImporterAccount ToAccount() => new(LookupKey, Importer, Status, Center, TrustedTrader);

    public static string? Validate(ImporterAccountItem item, string id) => item switch
    {
        _ when !string.Equals(item.Id, id, StringComparison.Ordinal) || !string.Equals(item.LookupKey, id, StringComparison.Ordinal) =>
            $"it names lookup key '{item.LookupKey}' and id '{item.Id}'.",
        { SchemaVersion: not CurrentSchemaVersion } => $"schema version {item.SchemaVersion}; this build reads version {CurrentSchemaVersion}.",
        { Importer: null or "" } => "it has no importer.",
        { TrustedTrader: null } => "it has no trustedTrader list.",
        { Status: AccountStatus.Assigned, Center: null } => "it is assigned but names no Center.",
        _ => null,
    };
}
