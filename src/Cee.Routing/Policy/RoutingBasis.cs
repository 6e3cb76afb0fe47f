using System.Text.Json.Serialization;

namespace Cee.Routing.Policy;

/// <summary>What decided a document's Center.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoutingBasis>))]
public enum RoutingBasis
{
    /// <summary>Nothing decided yet: the document waits for a person.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>A CF-28/CF-29 response goes back to the Center that issued the request.</summary>
    [JsonStringEnumMemberName("request-issuer")]
    RequestIssuer,

    /// <summary>The importer's assigned Center (Centers are account-based).</summary>
    [JsonStringEnumMemberName("importer-account")]
    ImporterAccount,

    /// <summary>The Center with the most HTSUS lines.</summary>
    [JsonStringEnumMemberName("hts-predominance")]
    HtsPredominance,

    /// <summary>A person chose the Center.</summary>
    [JsonStringEnumMemberName("reviewer")]
    Reviewer,

    /// <summary>The review deadline passed and the opt-in fallback routed by the HTSUS lines; flagged.</summary>
    [JsonStringEnumMemberName("best-hts-guess")]
    BestHtsGuess,

    /// <summary>The Center holding the document said it is not theirs and named the Center it belongs to (a transfer); appended within v1.</summary>
    [JsonStringEnumMemberName("center-transfer")]
    CenterTransfer,
}
