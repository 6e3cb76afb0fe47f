using System.Text.Json.Serialization;
using Cee.Routing.Ledger;

namespace Cee.Functions.Http;

/// <summary>The answer of <c>GET entries/{entryNumber}/documents</c>.</summary>
/// <param name="Entry">The entry number, normalized (<c>002-6110316-2</c>).</param>
/// <param name="Documents">Every ledger record whose drop names the entry, oldest first.</param>
/// <param name="Unreadable">Records that matched but could not be read; they need a person.</param>
public sealed record EntryDocuments(
    [property: JsonPropertyName("entry")] string Entry,
    [property: JsonPropertyName("documents")] IReadOnlyList<LedgerRecord> Documents,
    [property: JsonPropertyName("unreadable")] IReadOnlyList<string> Unreadable);
