namespace Cee.Routing.Ports;

/// <summary>
/// The only clock the workflow reads. A Durable host answers with the orchestration's replay-safe
/// time; tests answer with a fixed time.
/// </summary>
public interface IWorkflowClock
{
    DateTimeOffset UtcNow { get; }
}
