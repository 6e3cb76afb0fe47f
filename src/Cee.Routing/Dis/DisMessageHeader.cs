using System.Text.Json.Serialization;

namespace Cee.Routing.Dis;

/// <summary>The DIS <c>MessageHeader</c>, as written (trimmed). <paramref name="PreparerId"/> is the filer.</summary>
public sealed record DisMessageHeader(
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("messageType")] string? MessageType,
    [property: JsonPropertyName("sentDateTime")] string? SentDateTime,
    [property: JsonPropertyName("transmitterId")] string? TransmitterId,
    [property: JsonPropertyName("transmitterSiteCode")] string? TransmitterSiteCode,
    [property: JsonPropertyName("preparerId")] string? PreparerId,
    [property: JsonPropertyName("preparerSiteCode")] string? PreparerSiteCode,
    [property: JsonPropertyName("comment")] string? Comment);
