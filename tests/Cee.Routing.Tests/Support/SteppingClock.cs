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
}
