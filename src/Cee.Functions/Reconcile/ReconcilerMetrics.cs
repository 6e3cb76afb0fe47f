using System.Diagnostics.Metrics;
using Cee.Routing.Reconcile;

namespace Cee.Functions.Reconcile;

/// <summary>
/// The reconciler's counters on the meter <c>Cee.Reconciler</c>, exported through OpenTelemetry:
/// <c>cee.reconciler.drops</c> (tag <c>action</c>: start, redrive, wait, give-up, live, unrecoverable)
/// and <c>cee.reconciler.purged</c> (instances whose history was purged).
/// </summary>
public sealed class ReconcilerMetrics
{
    public const string MeterName = "Cee.Reconciler";

    private readonly Counter<long> _drops;
    private readonly Counter<long> _purged;

    public ReconcilerMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _drops = meter.CreateCounter<long>("cee.reconciler.drops", "{drop}", "Drops the reconciler acted on, by action");
        _purged = meter.CreateCounter<long>("cee.reconciler.purged", "{instance}", "Ended orchestration instances whose history was purged");
    }

    public void Count(string action) => _drops.Add(1, new KeyValuePair<string, object?>("action", action));

    public void Count(ReconcileAction action) => Count(action switch
    {
        ReconcileAction.Start => "start",
        ReconcileAction.Redrive => "redrive",
        ReconcileAction.Wait => "wait",
        ReconcileAction.GiveUp => "give-up",
        _ => "live",
    });

    public void Purged(int count) => _purged.Add(count);
}
