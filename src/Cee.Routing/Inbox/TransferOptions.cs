using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Cee.Routing.Inbox;

/// <summary>
/// How Centers' transfers are bounded. Hosts bind section <c>Transfers</c> and refuse to start when
/// <see cref="Validate"/> reports a problem.
/// </summary>
public sealed record TransferOptions
{
    /// <summary>Configuration section the hosts bind.</summary>
    public const string SectionName = "Transfers";

    /// <summary>The longest reason a transfer may give, in characters.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>
    /// How many times one document may be transferred; the next transfer request sends it to a
    /// person on the triage topic instead (Centers disagreeing is a question for a reviewer). Default 3.
    /// </summary>
    [JsonPropertyName("maxTransfers")]
    [Range(1, 20)]
    public int MaxTransfers { get; init; } = 3;

    /// <summary>The deadline the review request of a document transferred too often carries. Default 2 days.</summary>
    [JsonPropertyName("reviewTimeout")]
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ReviewTimeout { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Problems with these settings, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "invalid transfer option")];
    }
}
