using Cee.Routing.Ports;

namespace Cee.Functions.Hosting;

/// <summary>The clock of the HTTP API's ledger steps (receipts, transfers): the host's time. The orchestration uses its replay-safe clock instead.</summary>
public sealed class TimeProviderClock(TimeProvider time) : IWorkflowClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
