using Cee.Functions.Orchestration;

namespace Cee.Functions.Hosting;

/// <summary>
/// The <c>ActivityRetry</c> section (<c>ActivityRetry__MaxAttempts=6</c>…): how long a run keeps
/// retrying an activity before it records the drop Failed. Absent settings keep the defaults of
/// <see cref="ActivityRetry"/>.
/// </summary>
public sealed class ActivityRetrySettings
{
    public const string SectionName = "ActivityRetry";

    public int? MaxAttempts { get; set; }

    public TimeSpan? FirstRetryInterval { get; set; }

    public TimeSpan? MaxRetryInterval { get; set; }

    public TimeSpan? RetryTimeout { get; set; }

    /// <summary>What is wrong with these settings, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var retry = ToRetry();
        if (retry.MaxAttempts is < 1 or > 20)
        {
            problems.Add($"ActivityRetry__MaxAttempts {retry.MaxAttempts} is not between 1 and 20.");
        }

        if (retry.FirstRetryInterval <= TimeSpan.Zero || retry.FirstRetryInterval > retry.MaxRetryInterval)
        {
            problems.Add($"ActivityRetry__FirstRetryInterval {retry.FirstRetryInterval} must be positive and at most ActivityRetry__MaxRetryInterval ({retry.MaxRetryInterval}).");
        }

        if (retry.RetryTimeout < retry.FirstRetryInterval)
        {
            problems.Add($"ActivityRetry__RetryTimeout {retry.RetryTimeout} is shorter than the first retry interval.");
        }

        return problems;
    }

    public ActivityRetry ToRetry()
    {
        var defaults = new ActivityRetry();
        return new ActivityRetry
        {
            MaxAttempts = MaxAttempts ?? defaults.MaxAttempts,
            FirstRetryInterval = FirstRetryInterval ?? defaults.FirstRetryInterval,
            MaxRetryInterval = MaxRetryInterval ?? defaults.MaxRetryInterval,
            RetryTimeout = RetryTimeout ?? defaults.RetryTimeout,
        };
    }
}
