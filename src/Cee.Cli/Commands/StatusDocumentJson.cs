using System.Text.Json.Serialization;

namespace Cee.Cli.Commands;

/// <summary>One document (or one drop with no readable document) in <c>cee status --json</c>.</summary>
/// <param name="Source">The drop's path under the folder it was routed from.</param>
/// <param name="DocumentId">Our document id, or null for a drop with no readable document.</param>
/// <param name="SourceDocumentId">The DIS DocumentID, when the filer gave one.</param>
/// <param name="State">Its state in the ledger.</param>
/// <param name="Center">The Center it was routed to, or null.</param>
/// <param name="Topic">The topic it was published on (its Center's, or the triage topic), or null.</param>
/// <param name="DuplicateOf">For a Duplicate: the record routed with the same content.</param>
/// <param name="Reasons">Why it is where it is.</param>
/// <param name="History">Every transition, oldest first.</param>
public sealed record StatusDocumentJson(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("documentId")] string? DocumentId,
    [property: JsonPropertyName("sourceDocumentId")] string? SourceDocumentId,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("duplicateOf")] string? DuplicateOf,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("history")] IReadOnlyList<StatusTransitionJson> History);
