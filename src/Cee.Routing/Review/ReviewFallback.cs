using System.Text.Json.Serialization;

namespace Cee.Routing.Review;

/// <summary>What happens when a review deadline passes without a decision.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewFallback>))]
public enum ReviewFallback
{
    /// <summary>The default: the document stays AwaitingReview and the review is escalated on the triage topic.</summary>
    [JsonStringEnumMemberName("escalate")]
    Escalate,

    /// <summary>Opt-in: route by the predominant HTSUS Center when there is one (flagged <c>best-guess</c>); otherwise escalate.</summary>
    [JsonStringEnumMemberName("best-hts-guess")]
    BestHtsGuess,
}
