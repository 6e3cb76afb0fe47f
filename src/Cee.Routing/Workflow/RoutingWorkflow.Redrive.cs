using System.Globalization;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;

namespace Cee.Routing.Workflow;

/// <summary>
/// The parts of a run that make it safe to end early and to run again (docs/adr/0015): a run whose
/// port gave up records <c>Failed</c> and tells triage; a re-drive resumes what failed; a document is
/// published once whatever the age of the re-drive, because its intent is recorded first.
/// </summary>
public sealed partial class RoutingWorkflow
{
    /// <summary>The step recorded on every document before its message is published.</summary>
    public const string PublishIntentStep = "publish-intent";

    /// <summary>The prefix of the step that records a run's failure: <c>failed-1</c> for the first run, <c>failed-{n+1}</c> for re-drive n.</summary>
    public const string FailedStepPrefix = "failed-";

    /// <summary>
    /// Ends this run after a port gave up: every record it had moves to <c>Failed</c> (step
    /// <c>failed-{round}</c>, reason: which step, how many attempts, the error), then the failure goes
    /// to the triage topic. Records already past the workflow (routed, rejected, duplicate) refuse
    /// the move and stay as they are. A ledger or topic that is still down makes this throw; the
    /// records then stay where they were, and the reconciler finds them after its grace period.
    /// </summary>
    public async Task<RoutingOutcome> RecordFailureAsync(RunFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var drop = _drop ?? throw new InvalidOperationException("RecordFailureAsync ends a run that RunAsync began.");
        var run = _run;
        var round = (run?.Redrive ?? 0) + 1;
        var step = string.Create(CultureInfo.InvariantCulture, $"{FailedStepPrefix}{round}");
        var reason = string.Create(CultureInfo.InvariantCulture, $"{failure.Step} gave up after {failure.Attempts} attempt(s): {failure.Error}");

        // Only records known to exist move (a Failed transition cannot create one): those this run
        // recorded, else those it found. A run that failed while creating its records leaves them
        // Received, and the reconciler re-drives them as stale.
        var known = _latest ?? run?.Existing.OfType<LedgerRecord>().ToList() ?? [];
        var at = _ports.Clock.UtcNow;
        var records = await Task.WhenAll(known.Select(r => _ports.Ledger.RecordAsync(
            new LedgerTransition(r.Id, step, LedgerState.Failed, at, reason, drop.DropId), cancellationToken)));
        var failed = records.Where(r => r.State == LedgerState.Failed).Select(r => r.Id).ToList();
        await _ports.Publisher.PublishAsync(MessageFactory.RunFailed(drop, run?.Intake, failed, failure, round, _ports.Clock.UtcNow), cancellationToken);
        return run is null
            ? new RoutingOutcome(drop.DropId, drop.Source, Intake.IntakeVerdict.Reject, [])
            : Outcome(run.Intake, records);
    }

    /// <summary>How many runs of the drop have failed so far: the re-drive that comes next is this number.</summary>
    public static int FailedRounds(IEnumerable<LedgerRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Select(r => r.History.Count(h => h.Step.StartsWith(FailedStepPrefix, StringComparison.Ordinal))).DefaultIfEmpty(0).Max();
    }

    // A re-drive first moves every Failed record back to the state it failed in, so the run's
    // recorded steps are found again and only the missing ones run.
    private async Task<LedgerRecord?[]> ResumeAsync(LedgerRecord?[] existing, int redrive, CancellationToken cancellationToken)
    {
        if (redrive == 0 || !existing.Any(r => r?.State == LedgerState.Failed))
        {
            return existing;
        }

        var at = _ports.Clock.UtcNow;
        var step = string.Create(CultureInfo.InvariantCulture, $"resumed-{redrive}");
        return await Task.WhenAll(existing.Select(async r => r is { State: LedgerState.Failed } failed
            ? await _ports.Ledger.RecordAsync(new LedgerTransition(
                failed.Id, step, StateBeforeFailure(failed), at,
                string.Create(CultureInfo.InvariantCulture, $"re-driven (re-drive {redrive}) after: {failed.History[^1].Reason}"),
                failed.Subject.DropId), cancellationToken)
            : r));
    }

    private static LedgerState StateBeforeFailure(LedgerRecord record) =>
        record.History.LastOrDefault(h => h.State != LedgerState.Failed)?.State ?? LedgerState.Received;

    /// <summary>
    /// Publishes the routed documents once: the intent (message id, topic) is recorded on every
    /// record first. A run that finds an intent already recorded re-sends while the intent is younger
    /// than the topics' duplicate-detection window (the broker drops what did go out) and, past it,
    /// treats the messages as published: a re-send then could not be told apart by the Center.
    /// </summary>
    /// <returns>False when an earlier run's intent is taken as the publication.</returns>
    private async Task<bool> PublishOnceAsync(Run run, IReadOnlyList<LedgerRecord> current, List<TopicMessage> messages, CancellationToken cancellationToken)
    {
        var intents = current.SelectMany(r => r.History).Where(h => string.Equals(h.Step, PublishIntentStep, StringComparison.Ordinal)).ToList();
        if (intents.Count > 0 && _ports.Clock.UtcNow - intents.Min(h => h.At) >= _options.DuplicateDetectionWindow)
        {
            return false;
        }

        if (intents.Count < current.Count)
        {
            var at = _ports.Clock.UtcNow;
            var byId = messages.ToDictionary(m => m.Properties.MessageId, StringComparer.Ordinal);
            await Task.WhenAll(current.Select(r =>
            {
                var topic = byId.TryGetValue(r.Id, out var message) ? message.Topic : messages[0].Topic;
                return _ports.Ledger.RecordAsync(new LedgerTransition(
                    r.Id, PublishIntentStep, r.State, at, $"publishing message {r.Id} on {topic}", run.Intake.DropId, Topic: topic), cancellationToken);
            }));
        }

        await Task.WhenAll(messages.Select(m => _ports.Publisher.PublishAsync(m, cancellationToken)));
        return true;
    }
}
