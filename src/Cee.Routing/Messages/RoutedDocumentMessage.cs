using System.Text.Json.Serialization;
using Cee.Routing.Intake;
using Cee.Routing.Policy;

namespace Cee.Routing.Messages;

/// <summary>
/// The body of a routed document on a Center's topic (schema <c>cee.routed-document</c>, version 1).
/// Additive changes keep the version; anything else bumps it.
/// </summary>
public sealed record RoutedDocumentMessage(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("contentSha256")] string ContentSha256,
    [property: JsonPropertyName("documentLocation")] string? DocumentLocation,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("kind")] DocumentKind Kind,
    [property: JsonPropertyName("fileName")] string? FileName,
    [property: JsonPropertyName("contentType")] string DetectedType,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("port")] string? Port,
    [property: JsonPropertyName("filer")] string? Filer,
    [property: JsonPropertyName("entries")] IReadOnlyList<string> Entries,
    [property: JsonPropertyName("importer")] string? Importer,
    [property: JsonPropertyName("cbpRequestId")] string? CbpRequestId,
    [property: JsonPropertyName("center")] string Center,
    [property: JsonPropertyName("centerName")] string CenterName,
    [property: JsonPropertyName("decision")] RoutingDecision Decision,
    [property: JsonPropertyName("correlationId")] string CorrelationId,
    [property: JsonPropertyName("routedAt")] DateTimeOffset RoutedAt)
{
    public const string SchemaName = "cee.routed-document";
    public const int CurrentVersion = 1;
}
