using System.Text.Json.Serialization;

namespace Cee.Routing.Policy;

/// <summary>The CBP request a CF-28/CF-29 response answers, and the Center that issued it when known.</summary>
public sealed record RequestIssuer(
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("center")] string? Center);
