namespace Cee.Functions.Harness.Engine;

/// <summary>One execution of an activity in the real engine.</summary>
/// <param name="InstanceId">The orchestration (drop id) that called it.</param>
/// <param name="Activity">The activity name (<c>ActivityNames</c>).</param>
/// <param name="Attempt">1 for the first execution of this activity by this instance, 2 for the next (a retry or a second call), …</param>
/// <param name="Failure">The exception the activity ended with, or null when it succeeded; null while it runs.</param>
/// <param name="Input">The activity's input as the engine handed it over (deserialized by the worker's converter).</param>
/// <param name="Output">What it returned (null when it failed).</param>
/// <param name="StartedAt">When the worker started it.</param>
/// <param name="EndedAt">When it ended.</param>
public sealed record ActivityAttempt(string InstanceId, string Activity, int Attempt, Exception? Failure, object? Input, object? Output, DateTimeOffset StartedAt, DateTimeOffset EndedAt);
