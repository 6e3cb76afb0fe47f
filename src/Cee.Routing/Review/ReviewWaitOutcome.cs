using System.Text.Json.Serialization;

namespace Cee.Routing.Review;

/// <summary>How a wait for a review decision ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewWaitOutcome>))]
public enum ReviewWaitOutcome
{
    /// <summary>A reviewer decided.</summary>
    [JsonStringEnumMemberName("decided")]
    Decided,

    /// <summary>The deadline passed first.</summary>
    [JsonStringEnumMemberName("deadline-passed")]
    DeadlinePassed,

    /// <summary>No reviewer can answer in this host (e.g. <c>cee route</c> with no reviewer): the document stays AwaitingReview.</summary>
    [JsonStringEnumMemberName("no-reviewer")]
    NoReviewer,
}
