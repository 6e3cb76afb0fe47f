namespace Cee.Functions.Tests.Engine;

/// <summary>How long an engine test waits for a drop: generous, because a failure is a hang otherwise, never a timing assertion.</summary>
internal static class EngineTimeouts
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    /// <summary>A run that meets the activity retry policy waits its first interval (5 s) and more.</summary>
    public static readonly TimeSpan WithRetries = TimeSpan.FromMinutes(3);
}
