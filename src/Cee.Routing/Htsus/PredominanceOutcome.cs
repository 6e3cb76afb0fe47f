using System.Text.Json.Serialization;

namespace Cee.Routing.Htsus;

/// <summary>Whether a set of lines has one predominant Center.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PredominanceOutcome>))]
public enum PredominanceOutcome
{
    /// <summary>One Center has more lines than any other.</summary>
    [JsonStringEnumMemberName("predominant")]
    Predominant,

    /// <summary>Two or more Centers share the highest count: a person decides.</summary>
    [JsonStringEnumMemberName("tie")]
    Tie,

    /// <summary>No line could be classified (none given, or all chapter 98/99).</summary>
    [JsonStringEnumMemberName("none")]
    NoClassifiableLines,
}
