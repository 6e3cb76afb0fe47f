using System.Text.Json.Serialization;
using Microsoft.DurableTask;

namespace Cee.Functions.Orchestration;

/// <summary>
/// The retry policy of every activity of a run. It travels in the orchestration input, so a settings
/// change never alters a running orchestration on replay. The defaults are the app's policy: 6
/// attempts, 5 s doubling to at most 2 min, within 30 min.
/// </summary>
public sealed record ActivityRetry
{
    [JsonPropertyName("maxAttempts")]
    public int MaxAttempts { get; init; } = 6;

    [JsonPropertyName("firstRetryInterval")]
    public TimeSpan FirstRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    [JsonPropertyName("maxRetryInterval")]
    public TimeSpan MaxRetryInterval { get; init; } = TimeSpan.FromMinutes(2);

    [JsonPropertyName("retryTimeout")]
    public TimeSpan RetryTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The Durable task options of this policy (backoff coefficient 2).</summary>
    public TaskOptions ToTaskOptions() => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: MaxAttempts,
        firstRetryInterval: FirstRetryInterval,
        backoffCoefficient: 2.0,
        maxRetryInterval: MaxRetryInterval,
        retryTimeout: RetryTimeout));
}
