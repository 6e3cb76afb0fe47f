using System.Text.Json.Serialization;
using Cee.Routing.Centers;

namespace Cee.Routing.Review;

/// <summary>A person's answer to a review request: the Center that owns the drop.</summary>
/// <param name="ReviewId">The review it answers (the drop id).</param>
/// <param name="Center">The chosen Center ID, <c>CEE001</c>…<c>CEE010</c>.</param>
/// <param name="Reviewer">Who decided (a user principal name or an officer's id).</param>
/// <param name="Note">Why, in the reviewer's words.</param>
/// <param name="DecidedAt">When the reviewer decided.</param>
public sealed record ReviewDecision(
    [property: JsonPropertyName("reviewId")] string ReviewId,
    [property: JsonPropertyName("center")] string Center,
    [property: JsonPropertyName("reviewer")] string Reviewer,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("decidedAt")] DateTimeOffset DecidedAt)
{
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
        else if (Reviewer.Length > 256)
        {
            problems.Add("reviewer is longer than 256 characters.");
        }

        if (Note is { Length: > 2000 })
        {
            problems.Add("note is longer than 2000 characters.");
        }

        return problems;
    }
}
