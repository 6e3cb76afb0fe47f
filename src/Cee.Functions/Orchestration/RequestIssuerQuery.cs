using System.Text.Json.Serialization;

namespace Cee.Functions.Orchestration;

/// <summary>Input of <see cref="ActivityNames.FindRequestIssuer"/>: the CF-28/CF-29 request whose issuing Center is wanted.</summary>
public sealed record RequestIssuerQuery([property: JsonPropertyName("requestId")] string RequestId);
