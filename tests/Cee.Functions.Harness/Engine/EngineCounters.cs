using System.Collections.Concurrent;
using Cee.Functions.Orchestration;
using Cee.Routing.Ledger;

namespace Cee.Functions.Harness.Engine;

/// <summary>
/// What the engine did, counted where it does it: every episode of the orchestrator function (the
/// first runs fresh, every later one replays the history first), every activity execution and how it
/// ended, and when each drop settled (its orchestration returned, or its documents were recorded
/// AwaitingReview and it waits for a person).
/// </summary>
public sealed class EngineCounters
{
    private readonly ConcurrentDictionary<string, InstanceCounts> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ActivityAttempt> _attempts = new();
    private readonly ConcurrentDictionary<(string Instance, string Activity), int> _running = new();

    /// <summary>Every activity execution that has ended, in the order they ended.</summary>
    public IReadOnlyList<ActivityAttempt> Attempts => [.. _attempts];

    /// <summary>Orchestrator episodes of <paramref name="instanceId"/>.</summary>
    public int Episodes(string instanceId) => Of(instanceId).Episodes;

    /// <summary>Episodes that began by replaying history (every episode after the first).</summary>
    public int Replays(string instanceId) => Of(instanceId).Replays;

    public IReadOnlyList<ActivityAttempt> AttemptsOf(string instanceId) => [.. _attempts.Where(a => a.InstanceId == instanceId)];

    /// <summary>Executions of <paramref name="activity"/> by <paramref name="instanceId"/>, ended or running.</summary>
    public int Executions(string instanceId, string activity) => Of(instanceId).Executions.GetValueOrDefault(activity);

    /// <summary>True while some instance runs <paramref name="activity"/> for the first time (fault rules use it).</summary>
    public bool FirstAttemptRunning(string activity) =>
        _running.Any(r => r.Key.Activity == activity && r.Value == 1);

    /// <summary>All instances counted so far.</summary>
    public IReadOnlyCollection<string> Instances => [.. _instances.Keys];

    /// <summary>Completes when the drop's orchestration has returned or waits for a person.</summary>
    public Task WhenSettledAsync(string instanceId) => Of(instanceId).Settled.Task;

    internal void EpisodeStarted(string instanceId, bool replaying)
    {
        var counts = Of(instanceId);
        lock (counts)
        {
            counts.Episodes++;
            if (replaying)
            {
                counts.Replays++;
            }
        }
    }

    internal void OrchestrationReturned(string instanceId) => Of(instanceId).Settled.TrySetResult();

    internal (int Attempt, DateTimeOffset StartedAt) ActivityStarted(string instanceId, string activity)
    {
        var counts = Of(instanceId);
        int attempt;
        lock (counts)
        {
            attempt = counts.Executions[activity] = counts.Executions.GetValueOrDefault(activity) + 1;
        }

        _running[(instanceId, activity)] = attempt;
        return (attempt, DateTimeOffset.UtcNow);
    }

    internal void ActivityEnded(string instanceId, string activity, (int Attempt, DateTimeOffset StartedAt) started, object? input, object? output, Exception? failure)
    {
        _running.TryRemove((instanceId, activity), out _);
        _attempts.Enqueue(new ActivityAttempt(instanceId, activity, started.Attempt, failure, input, output, started.StartedAt, DateTimeOffset.UtcNow));
        if (failure is null && activity == ActivityNames.RecordTransition && output is LedgerRecord { State: LedgerState.AwaitingReview })
        {
            Of(instanceId).Settled.TrySetResult();
        }
    }

    private InstanceCounts Of(string instanceId) => _instances.GetOrAdd(instanceId, _ => new InstanceCounts());

    private sealed class InstanceCounts
    {
        public int Episodes { get; set; }

        public int Replays { get; set; }

        public Dictionary<string, int> Executions { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource Settled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
