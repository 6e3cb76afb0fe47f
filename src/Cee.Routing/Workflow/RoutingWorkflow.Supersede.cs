using Cee.Routing.Ledger;
using Cee.Routing.Messages;

namespace Cee.Routing.Workflow;

/// <summary>
/// A later run of the same source (a late manifest, new content at the same path) supersedes an earlier
/// run that has not routed (issue 18, docs/adr/0015): the earlier documents become <c>Superseded</c>
/// (final) naming this run, and a review request the earlier run sent is withdrawn on the triage topic.
/// The HTTP API then refuses a decision for it (the records are not awaiting review), and the earlier
/// orchestration, when its deadline wakes it, finds its records final and ends without publishing.
/// A document the earlier run routed is left alone: this run publishes nothing new for it, as before.
/// </summary>
public sealed partial class RoutingWorkflow
{
    /// <summary>The step that ends a superseded run's records.</summary>
    public const string SupersededStep = "superseded";

    private async Task SupersedeAsync(Run run, IReadOnlyList<string> earlierDropIds, CancellationToken cancellationToken)
    {
        foreach (var earlier in earlierDropIds.Where(id => !string.Equals(id, run.Intake.DropId, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            var open = (await DropRecords.ReadAsync(_ports.Ledger, earlier, cancellationToken))
                .Where(DropRecords.IsOpen)
                .ToList();
            if (open.Count == 0)
            {
                continue;
            }

            var at = _ports.Clock.UtcNow;
            // Withdrawn before the step is recorded (the id is deterministic, so a rerun's copy is dropped).
            if (open.Any(r => r.State == LedgerState.AwaitingReview))
            {
                await _ports.Publisher.PublishAsync(MessageFactory.ReviewSuperseded(open[0].Subject, [.. open.Select(r => r.Id)], run.Intake.DropId, at), cancellationToken);
            }

            var reason = $"superseded by drop {run.Intake.DropId}, a later run of {run.Intake.Source} that decides the document now";
            await Task.WhenAll(open.Select(r => _ports.Ledger.RecordAsync(
                new LedgerTransition(r.Id, SupersededStep, LedgerState.Superseded, at, reason, earlier), cancellationToken)));
        }
    }

    // A run waiting for a person re-reads its records when its deadline wakes it: a later run may have
    // superseded it (or the filer withdrawn it), and then it must neither escalate nor route.
    private async Task<IReadOnlyList<LedgerRecord>?> EndedElsewhereAsync(Run run, CancellationToken cancellationToken)
    {
        var current = await Task.WhenAll(run.Subjects.Select(s => _ports.Ledger.GetAsync(s.RecordId, cancellationToken)));
        return current.Any(r => r?.State.IsFinal() == true) ? [.. current.OfType<LedgerRecord>()] : null;
    }
}
