using System.Text.Json.Serialization;
using Cee.Routing.Centers;

namespace Cee.Routing.Review;

/// <summary>A person's answer to a review request: the Center that owns the drop.</summary>
/// <param name="ReviewId">The review it answers (the drop id).</param>
/// <param name="Center">The chosen Center ID, <c>CEE001</c>…<c>CEE010</c>.</param>
/// <param name="Reviewer">Who decided, as people read it: the signed-in principal's display name in the Functions app.</param>
/// <param name="Note">Why, in the reviewer's words.</param>
/// <param name="DecidedAt">When the reviewer decided.</param>
/// <param name="ReviewerId">
/// Who decided, as the directory knows them: the signed-in principal's Microsoft Entra object id
/// (the <c>oid</c> claim) in the Functions app. A name can be shared or changed; the id cannot, so
/// it is what an audit follows. Null only from a host with no directory behind it.
/// </param>
public sealed record ReviewDecision(
    [property: JsonPropertyName("reviewId")] string ReviewId,
    [property: JsonPropertyName("center")] string Center,
    [property: JsonPropertyName("reviewer")] string Reviewer,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("decidedAt")] DateTimeOffset DecidedAt,
    [property: JsonPropertyName("reviewerId")] string? ReviewerId = null)
{
    /// <summary>The longest <see cref="Reviewer"/> a decision carries.</summary>
    public const int MaxReviewerLength = 256;

    /// <summary>The longest <see cref="ReviewerId"/> a decision carries (an object id is 36 characters).</summary>
    public const int MaxReviewerIdLength = 128;

    /// <summary>What is wrong with the decision, or an empty list. The HTTP API refuses an invalid decision with these.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ReviewId))
        {
            problems.Add("reviewId is required.");
        }

        if (!CenterCatalog.Default.TryGet(Center, out _))
        {
            problems.Add($"center: {CenterCatalog.DescribeUnknown(Center)}");
        }

        if (string.IsNullOrWhiteSpace(Reviewer))
        {
            problems.Add("reviewer is required: a decision must say who made it.");
        }
        else if (Reviewer.Length > MaxReviewerLength)
        {
            problems.Add($"reviewer is longer than {MaxReviewerLength} characters.");
        }

        if (ReviewerId is not null && (string.IsNullOrWhiteSpace(ReviewerId) || ReviewerId.Length > MaxReviewerIdLength))
        {
            problems.Add($"reviewerId, when given, must be an identifier of 1 to {MaxReviewerIdLength} characters.");
        }

        if (Note is { Length: > 2000 })
        {
            problems.Add("note is longer than 2000 characters.");
        }

        return problems;
    }
}
