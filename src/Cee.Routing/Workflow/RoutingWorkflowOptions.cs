using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Cee.Routing.Review;

namespace Cee.Routing.Workflow;

/// <summary>
/// Settings of one routing run. A record, so a Durable host can pass it in the orchestration input
/// and a configuration change never alters a running orchestration on replay.
/// </summary>
public sealed record RoutingWorkflowOptions
{
    /// <summary>Configuration section the hosts bind (<c>Routing</c>).</summary>
    public const string SectionName = "Routing";

    /// <summary>How long a person has to decide before the fallback applies. Default 2 days.</summary>
    [JsonPropertyName("reviewTimeout")]
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ReviewTimeout { get; init; } = TimeSpan.FromDays(2);

    /// <summary>What the deadline does. Default: stay AwaitingReview and escalate.</summary>
    [JsonPropertyName("reviewFallback")]
    public ReviewFallback ReviewFallback { get; init; } = ReviewFallback.Escalate;

    /// <summary>
    /// How many times a review is escalated (once per <see cref="ReviewTimeout"/>); after the last,
    /// the document keeps waiting for a person without a deadline. Default 3.
    /// </summary>
    [JsonPropertyName("maxEscalations")]
    [Range(1, 20)]
    public int MaxEscalations { get; init; } = 3;

    /// <summary>
    /// How long the topics' duplicate detection remembers a message id (Service Bus
    /// <c>duplicateDetectionHistoryTimeWindow</c>, one day in infra/). A re-drive re-sends a message
    /// whose publish intent is younger than this (the broker drops the repeat) and treats an older
    /// intent as published (docs/adr/0015-failed-runs-and-redrive.md).
    /// </summary>
    [JsonPropertyName("duplicateDetectionWindow")]
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan DuplicateDetectionWindow { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Problems with these settings, or an empty list; hosts call it at start-up.</summary>
    public IReadOnlyList<string> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        if (!Enum.IsDefined(ReviewFallback))
        {
            results.Add(new ValidationResult($"ReviewFallback '{ReviewFallback}' is not one of: {string.Join(", ", Enum.GetNames<ReviewFallback>())}."));
        }

        return [.. results.Select(r => r.ErrorMessage ?? "invalid routing option")];
    }
}
