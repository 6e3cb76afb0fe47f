using System.Text.Json.Serialization;
using Cee.Routing.Requests;

namespace Cee.Routing.Cosmos;

/// <summary>A CBP request as stored: the <see cref="CbpRequest"/> contract plus <c>id</c> (the normalized request id) and the schema version.</summary>
internal sealed record CbpRequestItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("center")] string Center)
{
    public const int CurrentSchemaVersion = 1;

    public static CbpRequestItem From(CbpRequest request) => new(request.RequestId, CurrentSchemaVersion, request.RequestId, request.Center);

    public static string? Validate(CbpRequestItem item, string id) => item switch
    {
        _ when !string.Equals(item.Id, id, StringComparison.Ordinal) => $"it names id '{item.Id}'.",
        { SchemaVersion: not CurrentSchemaVersion } => $"schema version {item.SchemaVersion}; this build reads version {CurrentSchemaVersion}.",
        { Center: null or "" } => "it names no Center.",
        _ => null,
    };
}
