using System.Globalization;
using Cee.Routing.Review;
using Cee.Routing.Workflow;

namespace Cee.Functions.Hosting;

/// <summary>
/// The <c>Routing</c> section as written in app settings (<c>Routing__ReviewFallback=best-hts-guess</c>).
/// A settings class, because the configuration binder knows enum member names, not the wire names
/// the contract uses; <see cref="ToOptions"/> turns it into the immutable options the orchestration carries.
/// </summary>
public sealed class RoutingSettings
{
    public string? ReviewTimeout { get; set; }

    public string? ReviewFallback { get; set; }

    public int? MaxEscalations { get; set; }

    /// <summary>The topics' duplicate-detection window (infra/ sets one day); a publish intent older than it is not re-sent (ADR 15).</summary>
    public string? DuplicateDetectionWindow { get; set; }

    /// <summary>What is wrong with these settings, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ReviewTimeout is not null && !TimeSpan.TryParse(ReviewTimeout, CultureInfo.InvariantCulture, out _))
        {
            problems.Add($"Routing__ReviewTimeout '{ReviewTimeout}' is not a time span such as 2.00:00:00.");
        }

        if (DuplicateDetectionWindow is not null && !TimeSpan.TryParse(DuplicateDetectionWindow, CultureInfo.InvariantCulture, out _))
        {
            problems.Add($"Routing__DuplicateDetectionWindow '{DuplicateDetectionWindow}' is not a time span such as 1.00:00:00.");
        }

        if (ReviewFallback is not null && ParseFallback(ReviewFallback) is null)
        {
            problems.Add($"Routing__ReviewFallback '{ReviewFallback}' is not one of: escalate, best-hts-guess.");
        }

        if (problems.Count == 0)
        {
            problems.AddRange(ToOptions().Validate().Select(p => "Routing: " + p));
        }

        return problems;
    }

    /// <summary>The options, defaults where a setting is absent. Call <see cref="Validate"/> first.</summary>
    public RoutingWorkflowOptions ToOptions()
    {
        var defaults = new RoutingWorkflowOptions();
        return new RoutingWorkflowOptions
        {
            ReviewTimeout = ReviewTimeout is null ? defaults.ReviewTimeout : TimeSpan.Parse(ReviewTimeout, CultureInfo.InvariantCulture),
            ReviewFallback = ReviewFallback is null ? defaults.ReviewFallback : ParseFallback(ReviewFallback) ?? defaults.ReviewFallback,
            MaxEscalations = MaxEscalations ?? defaults.MaxEscalations,
            DuplicateDetectionWindow = DuplicateDetectionWindow is null ? defaults.DuplicateDetectionWindow : TimeSpan.Parse(DuplicateDetectionWindow, CultureInfo.InvariantCulture),
        };
    }

    private static ReviewFallback? ParseFallback(string text)
    {
        var trimmed = text.Trim();
        if (string.Equals(trimmed, "escalate", StringComparison.OrdinalIgnoreCase))
        {
            return Cee.Routing.Review.ReviewFallback.Escalate;
        }

        return string.Equals(trimmed, "best-hts-guess", StringComparison.OrdinalIgnoreCase)
            ? Cee.Routing.Review.ReviewFallback.BestHtsGuess
            : null;
    }
}
