using System.Text.Json.Serialization;

namespace Cee.Routing.Requests;

/// <summary>A CBP request (CF-28 or CF-29 action) and the Center that issued it.</summary>
/// <param name="RequestId">The request id, normalized by <see cref="CbpRequestIds.TryNormalize"/>.</param>
/// <param name="Center">The issuing Center's ID, <c>CEE001</c>…<c>CEE010</c>.</param>
public sealed record CbpRequest(
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("center")] string Center);
