using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>
/// What a document is, as far as routing cares. The JSON names are also the Service Bus
/// <c>kind</c> application property that Center subscriptions filter on.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentKind>))]
public enum DocumentKind
{
    /// <summary>Supports an entry summary: commercial invoice, packing list, CBP Form 7501, certificates…</summary>
    [JsonStringEnumMemberName("entry-summary")]
    EntrySummary,

    /// <summary>Answers a CBP Form 28, Request for Information.</summary>
    [JsonStringEnumMemberName("cf28-response")]
    Cf28Response,

    /// <summary>Answers a CBP Form 29, Notice of Action.</summary>
    [JsonStringEnumMemberName("cf29-response")]
    Cf29Response,

    /// <summary>A protest (CBP Form 19) and its supporting documents.</summary>
    [JsonStringEnumMemberName("protest")]
    Protest,

    /// <summary>Anything else.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
