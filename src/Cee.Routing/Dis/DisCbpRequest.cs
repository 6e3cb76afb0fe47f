using System.Text.Json.Serialization;

namespace Cee.Routing.Dis;

/// <summary>
/// The DIS <c>CBPRequest</c>, as written: the ACE action number of the CF-28/CF-29 being answered, or
/// <c>UNSOLICITED</c>/<c>UNKNOWN</c> (intake maps those to no request).
/// </summary>
public sealed record DisCbpRequest(
    [property: JsonPropertyName("requestId")] string? RequestId,
    [property: JsonPropertyName("requestType")] string? RequestType,
    [property: JsonPropertyName("requestDate")] string? RequestDate);
