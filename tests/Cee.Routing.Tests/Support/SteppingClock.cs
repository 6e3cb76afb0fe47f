using Cee.Routing.Ports;

namespace Cee.Routing.Tests.Support;

/// <summary>A clock that moves one second each time it is read, so every timestamp is traceable to a read.</summary>
internal sealed class SteppingClock(DateTimeOffset start) : IWorkflowClock
{
    private DateTimeOffset _next = start;

    public List<DateTimeOffset> Reads { get; } = [];

    public DateTimeOffset UtcNow
    {
        get
        {
            var now = _next;
            _next = _next.AddSeconds(1);
            Reads.Add(now);
            return now;
        }
    }

    /// <summary>Moves the clock on, e.g. past the topics' duplicate-detection window between two runs.</summary>
    public void Advance(TimeSpan by) => _next += by;
}
