using System.Text.Json.Serialization;

namespace Cee.Routing.Intake;

/// <summary>How much a finding matters: an error rejects the drop, a warning only flags it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingSeverity>))]
public enum FindingSeverity
{
    [JsonStringEnumMemberName("info")]
    Info,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("error")]
    Error,
}
