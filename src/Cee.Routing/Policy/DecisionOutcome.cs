using System.Text.Json.Serialization;

namespace Cee.Routing.Policy;

/// <summary>Whether a decision names a Center or asks a person.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome
{
    [JsonStringEnumMemberName("route")]
    Route,

    [JsonStringEnumMemberName("review")]
    Review,
}
