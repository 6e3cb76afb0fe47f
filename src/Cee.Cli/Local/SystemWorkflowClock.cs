using Cee.Routing.Ports;

namespace Cee.Cli.Local;

/// <summary>The wall clock, for in-process runs (a Durable host uses the orchestration's clock instead).</summary>
public sealed class SystemWorkflowClock(TimeProvider timeProvider) : IWorkflowClock
{
    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
}
