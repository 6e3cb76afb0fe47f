using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>The outcome of the intake checks.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IntakeVerdict>))]
public enum IntakeVerdict
{
    /// <summary>Every check passed.</summary>
    [JsonStringEnumMemberName("accept")]
    Accept,

    /// <summary>Accepted; the findings hold warnings a person may want to see.</summary>
    [JsonStringEnumMemberName("warn")]
    Warn,

    /// <summary>Not routable: kept in quarantine with the findings as reasons, never dropped.</summary>
    [JsonStringEnumMemberName("reject")]
    Reject,
}
