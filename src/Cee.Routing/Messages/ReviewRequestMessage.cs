using System.Text.Json.Serialization;
using Cee.Routing.Htsus;

namespace Cee.Routing.Messages;

/// <summary>
/// The body of a review request on the triage topic (schema <c>cee.review-request</c>, version 1):
/// what a person needs to choose the Center, and the deadline.
/// </summary>
public sealed record ReviewRequestMessage(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("reviewId")] string ReviewId,
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("documents")] IReadOnlyList<ReviewDocument> Documents,
    [property: JsonPropertyName("port")] string? Port,
    [property: JsonPropertyName("filer")] string? Filer,
    [property: JsonPropertyName("entries")] IReadOnlyList<string> Entries,
    [property: JsonPropertyName("importers")] IReadOnlyList<string> Importers,
    [property: JsonPropertyName("cbpRequestId")] string? CbpRequestId,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("flags")] IReadOnlyList<string> Flags,
    [property: JsonPropertyName("tally")] IReadOnlyList<CenterCount> Tally,
    [property: JsonPropertyName("requestedAt")] DateTimeOffset RequestedAt,
    [property: JsonPropertyName("deadline")] DateTimeOffset Deadline,
    [property: JsonPropertyName("correlationId")] string CorrelationId)
{
    public const string SchemaName = "cee.review-request";
    public const int CurrentVersion = 1;
}
