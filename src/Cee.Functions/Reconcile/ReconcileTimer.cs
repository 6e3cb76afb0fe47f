using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Cee.Functions.Reconcile;

/// <summary>Every few minutes (app setting <c>ReconcilerSchedule</c>, an NCRONTAB): the <see cref="Reconciler"/> pass.</summary>
public sealed class ReconcileTimer(Reconciler reconciler)
{
    public const string Name = "Reconcile";

    /// <summary>The app setting holding the schedule, e.g. <c>0 */5 * * * *</c>.</summary>
    public const string ScheduleSetting = "ReconcilerSchedule";

    [Function(Name)]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        await reconciler.RunAsync(durable, cancellationToken);
}
