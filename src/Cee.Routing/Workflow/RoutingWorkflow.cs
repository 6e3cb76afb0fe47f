using System.Globalization;
using Cee.Routing.Centers;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Policy;
using Cee.Routing.Ports;
using Cee.Routing.Review;

namespace Cee.Routing.Workflow;

/// <summary>
/// The routing of one drop, from intake to its Center's topic, over the ports only:
/// intake → (reject: quarantine, record, stop) → claim the content (held by another drop:
/// duplicate, stop) → resolve the importers' accounts and the request
/// issuer, classify the HTSUS lines → decide → (review: triage topic, wait for a person or the
/// deadline) → publish on the Center's topic → record Routed. A DIS DocumentWithdrawal instead
/// withdraws the document it names (<see cref="WithdrawAsync"/>).
/// <para>
/// Replay-safe: it reads no clock, randomness, environment or I/O except through
/// <see cref="RoutingPorts"/>, and never uses ConfigureAwait(false), so a Durable orchestrator runs
/// it unchanged. Idempotent: every ledger step has a fixed name, messages have deterministic ids,
/// and a drop whose records are all final is not routed again.
/// </para>
/// </summary>
public sealed partial class RoutingWorkflow
{
    // A gateway that keeps handing back invalid decisions must not keep the workflow spinning.
    private const int MaxInvalidDecisions = 20;

    private readonly RoutingPorts _ports;
    private readonly RoutingWorkflowOptions _options;

    // What this run has read and recorded so far, for RecordFailureAsync when a port gives up mid-run.
    private DropReference? _drop;
    private Run? _run;
    private IReadOnlyList<LedgerRecord>? _latest;

    public RoutingWorkflow(RoutingPorts ports, RoutingWorkflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid routing options: {string.Join(" ", problems)}", nameof(options));
        }

        _ports = ports;
        _options = options;
    }

    public Task<RoutingOutcome> RunAsync(DropReference drop, CancellationToken cancellationToken = default) =>
        RunAsync(drop, redrive: 0, cancellationToken);

    /// <summary>
    /// Routes the drop; <paramref name="redrive"/> above 0 is the reconciler's re-drive of that number,
    /// which first resumes every Failed record to the state it failed in (step <c>resumed-{redrive}</c>).
    /// </summary>
    public Task<RoutingOutcome> RunAsync(DropReference drop, int redrive, CancellationToken cancellationToken = default) =>
        RunAsync(drop, redrive, [], cancellationToken);

    /// <summary>
    /// Routes the drop as <see cref="RunAsync(DropReference, int, CancellationToken)"/>; once it has passed
    /// intake and holds its content claim, it supersedes the runs of <paramref name="supersedes"/> (earlier
    /// drops of the same source that have not routed).
    /// </summary>
    public async Task<RoutingOutcome> RunAsync(DropReference drop, int redrive, IReadOnlyList<string> supersedes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentNullException.ThrowIfNull(supersedes);
        ArgumentOutOfRangeException.ThrowIfNegative(redrive);
        _drop = drop;
        var intake = await _ports.Drops.OpenAsync(drop, cancellationToken);
        var subjects = LedgerSubject.Of(intake);
        var existing = await Task.WhenAll(subjects.Select(s => _ports.Ledger.GetAsync(s.RecordId, cancellationToken)));
        existing = await ResumeAsync(existing, redrive, cancellationToken);
        if (existing.All(r => r is not null && (r.State.IsTerminal() || r.WasRouted)))
        {
            await AnswerAsync(intake, existing!, cancellationToken);
            return Repeat(intake, existing!);
        }

        var run = new Run(intake, subjects, existing, redrive);
        _run = run;

        await RecordAllAsync(run, "received", LedgerState.Received, DescribeReceived(intake), cancellationToken, withSubject: true);

        var errors = intake.Errors.ToList();
        if (intake.Withdrawal is not null && intake.Verdict != IntakeVerdict.Reject)
        {
            return await WithdrawAsync(drop, run, cancellationToken);
        }

        if (intake.Verdict == IntakeVerdict.Reject || intake.Documents.Count == 0)
        {
            if (errors.Count == 0)
            {
                errors.Add(new Finding("drop.no-documents", FindingSeverity.Error, "the drop holds no readable document"));
            }

            return await RejectAsync(drop, run, errors, cancellationToken);
        }

        // First writer wins: of two drops with the same content, even at the same moment, one routes.
        var claim = await _ports.Ledger.ClaimContentAsync(
            new ContentClaim(intake.ContentSha256, intake.DropId, intake.Source, run.Subjects[0].RecordId, _ports.Clock.UtcNow),
            cancellationToken);
        if (!string.Equals(claim.DropId, intake.DropId, StringComparison.Ordinal))
        {
            var reason = $"the same content (SHA-256 {intake.ContentSha256}) came in {claim.Source} (drop {claim.DropId}), which routes it; not published again";
            var duplicates = await RecordAllAsync(run, "duplicate", LedgerState.Duplicate, reason, cancellationToken, duplicateOf: claim.RecordId);
            await AnswerAsync(intake, duplicates, cancellationToken);
            return Outcome(intake, duplicates);
        }

        await SupersedeAsync(run, supersedes, cancellationToken);
        var current = await RecordAllAsync(run, "validated", LedgerState.Validated, DescribeValidated(intake), cancellationToken);

        var facts = await GatherFactsAsync(intake, cancellationToken);
        var decision = RoutingPolicy.Decide(facts);
        if (decision.Outcome == DecisionOutcome.Review)
        {
            var (reviewed, waiting) = await ReviewAsync(run, facts, decision, cancellationToken);
            if (reviewed.Outcome == DecisionOutcome.Review)
            {
                return Outcome(intake, waiting);
            }

            decision = reviewed;
            current = waiting;
        }

        var routed = await RouteAsync(run, decision, current, cancellationToken);
        await AnswerAsync(intake, routed, cancellationToken);
        return Outcome(intake, routed);
    }

    private async Task<RoutingOutcome> RejectAsync(DropReference drop, Run run, IReadOnlyList<Finding> errors, CancellationToken cancellationToken)
    {
        // Quarantined first: a Rejected record proves its drop and reasons are kept. A crash between
        // the two leaves the drop Received, and the next run quarantines it again (idempotently).
        await _ports.Drops.QuarantineAsync(drop, errors, cancellationToken);
        var reason = "rejected: " + string.Join("; ", errors.Select(f => $"[{f.Code}] {f.Message}"));
        var rejected = await RecordAllAsync(run, "rejected", LedgerState.Rejected, reason, cancellationToken);
        await AnswerAsync(run.Intake, rejected, cancellationToken);
        return Outcome(run.Intake, rejected);
    }

    /// <summary>
    /// A DocumentWithdrawal: finds the documents it names by (port, DocumentID) and lets
    /// <see cref="WithdrawalPolicy"/> choose. Each one withdrawn gets a <c>withdrawal</c> message on its
    /// Center's topic, published before its Withdrawn step is recorded (as routing does), so a recorded
    /// step proves the Center was told; a crash between the two is finished by the next run, which finds
    /// the record still with its Center (or withdrawn by this drop) and publishes the same MessageId again.
    /// The withdrawal drop's own record ends Routed (its message went to that Center), or Rejected with the
    /// refusal, quarantined like any rejected drop. It claims no content: the same withdrawal sent again
    /// finds its document already withdrawn and is refused.
    /// </summary>
    private async Task<RoutingOutcome> WithdrawAsync(DropReference drop, Run run, CancellationToken cancellationToken)
    {
        var intake = run.Intake;
        var request = intake.Withdrawal!;
        var found = await _ports.Ledger.FindBySourceDocumentAsync(intake.Port!, request.DocumentId!, cancellationToken);
        var decision = WithdrawalPolicy.Decide(intake, found);
        if (decision.Refusal is null)
        {
            var at = _ports.Clock.UtcNow;
            await Task.WhenAll(decision.Targets.Select(t => _ports.Publisher.PublishAsync(MessageFactory.Withdrawal(intake, t, at), cancellationToken)));
            var why = $"withdrawn by drop {intake.DropId} ({intake.Source}): {(request.Reason.Length == 0 ? "no reason given" : request.Reason)}";
            var withdrawn = await Task.WhenAll(decision.Targets.Select(t => _ports.Ledger.RecordAsync(
                new LedgerTransition(t.Id, WithdrawalPolicy.Step, LedgerState.Withdrawn, at, why, intake.DropId), cancellationToken)));

            // Two withdrawals of one document at once: the ledger kept the first, so the other is refused here.
            decision = WithdrawalPolicy.Decide(intake, withdrawn);
        }

        if (decision.Refusal is { } refusal)
        {
            return await RejectAsync(drop, run, [refusal], cancellationToken);
        }

        var first = decision.Targets[0];
        var topic = Topics.ForCenter(first.Center!);
        var ids = string.Join(", ", decision.Targets.Select(t => t.Id));
        await RecordAllAsync(run, "validated", LedgerState.Validated, $"a DocumentWithdrawal of {request.DocumentId}: names {ids}", cancellationToken);
        var sentence = $"the withdrawal of {request.DocumentId} ({ids}) follows it to {first.Center}, which holds it";
        var followed = new RoutingDecision(DecisionOutcome.Route, first.Center, RoutingBasis.None, "withdrawal", [sentence], [], [], []);
        var routed = await RecordAllAsync(run, "routed", LedgerState.Routed, $"published on {topic}: {sentence}", cancellationToken, decision: followed, topic: topic);
        await AnswerAsync(intake, routed, cancellationToken);
        return Outcome(intake, routed);
    }

    /// <summary>
    /// Answers the port after a verdict is recorded (so a crash before the answer leaves a run that
    /// answers again): its MessageValidationResponse, and a DocumentReviewResponse for each document a
    /// person or the deadline decided. Both are built from the records' history, so the same bytes each time.
    /// </summary>
    private async Task AnswerAsync(IntakeResult intake, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken)
    {
        if (_ports.Responses is not { } responder)
        {
            return;
        }

        var answers = DisResponses.Reviews(intake, records).ToList();
        if (DisResponses.Validation(intake, records) is { } validation)
        {
            answers.Insert(0, validation);
        }

        foreach (var answer in answers)
        {
            await responder.WriteAsync(answer, cancellationToken);
        }
    }

    private async Task<RoutingFacts> GatherFactsAsync(IntakeResult intake, CancellationToken cancellationToken)
    {
        // Fan out: every importer's account, the request issuer and the HTSUS verdict at once.
        var accounts = Task.WhenAll(intake.Importers.Select(i => _ports.Accounts.FindAsync(i, cancellationToken)));
        var requestId = RequestToResolve(intake);
        var issuer = requestId is null ? Task.FromResult<string?>(null) : _ports.Requests.FindIssuingCenterAsync(requestId, cancellationToken);
        var lines = _ports.Classifier.ClassifyAsync(intake.Lines, cancellationToken);
        await Task.WhenAll(accounts, issuer, lines);

        var issuerCenter = CenterCatalog.Default.TryGet(await issuer, out var center) ? center.Id : null;
        var request = requestId is null ? null : new RequestIssuer(requestId, issuerCenter);
        return new RoutingFacts(intake, await accounts, request, await lines);
    }

    // Only a CF-28/CF-29 response to a real request (not UNSOLICITED or UNKNOWN, which intake maps to null) looks up its issuer.
    private static string? RequestToResolve(IntakeResult intake) =>
        intake.CbpRequestId is { Length: > 0 } id &&
        intake.Documents.Any(d => d.Kind is DocumentKind.Cf28Response or DocumentKind.Cf29Response)
            ? id
            : null;

    private async Task<(RoutingDecision Decision, IReadOnlyList<LedgerRecord> Records)> ReviewAsync(
        Run run, RoutingFacts facts, RoutingDecision pending, CancellationToken cancellationToken)
    {
        var intake = run.Intake;
        var requestedAt = _ports.Clock.UtcNow;
        DateTimeOffset? deadline = requestedAt + _options.ReviewTimeout;
        // Published before the step is recorded, so a recorded step proves the message went out; a
        // re-run of a drop already waiting for a person does not send its request again.
        if (!run.Recorded("awaiting-review"))
        {
            await _ports.Publisher.PublishAsync(MessageFactory.ReviewRequest(intake, pending, requestedAt, deadline.Value), cancellationToken);
        }

        // Recorded at the instant the deadline counts from, so the ledger alone tells the triage console the deadline.
        var records = await RecordAllAsync(run, "awaiting-review", LedgerState.AwaitingReview,
            "sent to a person on the triage topic: " + pending.Reasons[^1], cancellationToken, decision: pending, topic: Topics.Triage, at: requestedAt);
        await AnswerAsync(intake, records, cancellationToken);

        var escalations = 0;
        var invalidDecisions = 0;
        while (true)
        {
            var wait = await _ports.Review.WaitForDecisionAsync(intake.DropId, deadline, cancellationToken);
            switch (wait.Outcome)
            {
                case ReviewWaitOutcome.Decided when wait.Decision is { } review && review.Validate().Count == 0:
                    return (RoutingPolicy.FromReview(pending, review), records);

                case ReviewWaitOutcome.Decided:
                    // The HTTP API refuses invalid decisions, so only a hand-raised event gets here: ignore it, keep waiting.
                    if (++invalidDecisions >= MaxInvalidDecisions)
                    {
                        return (pending, records);
                    }

                    continue;

                case ReviewWaitOutcome.DeadlinePassed when deadline is not null:
                    if (await EndedElsewhereAsync(run, cancellationToken) is { } ended)
                    {
                        return (pending, ended);
                    }

                    if (_options.ReviewFallback == ReviewFallback.BestHtsGuess &&
                        RoutingPolicy.BestGuess(pending, facts.Lines) is { } guess)
                    {
                        return (guess, records);
                    }

                    escalations++;
                    var now = _ports.Clock.UtcNow;
                    DateTimeOffset? next = escalations < _options.MaxEscalations ? now + _options.ReviewTimeout : null;
                    var escalated = pending with { Flags = [.. pending.Flags.Append(RoutingFlags.Escalated).Distinct()] };
                    var reason = string.Create(CultureInfo.InvariantCulture,
                        $"no review decision by {deadline.Value:u}; escalated ({escalations} of {_options.MaxEscalations}){(next is null ? "; waiting for a person without a deadline" : $"; next deadline {next.Value:u}")}");
                    var step = string.Create(CultureInfo.InvariantCulture, $"escalated-{escalations}");
                    if (!run.Recorded(step))
                    {
                        await _ports.Publisher.PublishAsync(MessageFactory.ReviewEscalation(intake, escalated, escalations, now, next), cancellationToken);
                    }

                    records = await RecordAllAsync(run, step, LedgerState.AwaitingReview, reason, cancellationToken, decision: escalated, topic: Topics.Triage, at: now);
                    pending = escalated;
                    deadline = next;
                    continue;

                default:
                    // No reviewer in this host (or a deadline reported where none was set): stay AwaitingReview.
                    return (pending, records);
            }
        }
    }

    private async Task<IReadOnlyList<LedgerRecord>> RouteAsync(
        Run run, RoutingDecision decision, IReadOnlyList<LedgerRecord> current, CancellationToken cancellationToken)
    {
        var routedAt = _ports.Clock.UtcNow;
        var messages = run.Intake.Documents
            .Select(d => MessageFactory.RoutedDocument(run.Intake, d, decision, routedAt))
            .ToList();
        var sent = await PublishOnceAsync(run, current, messages, cancellationToken);
        var topic = messages[0].Topic;
        var how = sent ? $"published on {topic}" : $"published on {topic} by an earlier run (its publish intent is older than the duplicate-detection window; not sent again)";
        return await RecordAllAsync(run, "routed", LedgerState.Routed,
            $"{how}: {decision.Reasons[^1]}", cancellationToken, decision: decision, topic: topic,
            sessionId: messages[0].Properties.SessionId);
    }

    private async Task<IReadOnlyList<LedgerRecord>> RecordAllAsync(
        Run run,
        string step,
        LedgerState state,
        string reason,
        CancellationToken cancellationToken,
        bool withSubject = false,
        RoutingDecision? decision = null,
        string? topic = null,
        string? duplicateOf = null,
        string? sessionId = null,
        DateTimeOffset? at = null)
    {
        var when = at ?? _ports.Clock.UtcNow;
        var transitions = run.Subjects.Select(s => new LedgerTransition(
            s.RecordId, step, state, when, reason, run.Intake.DropId,
            withSubject ? s : null, decision, topic, duplicateOf, sessionId));
        var records = await Task.WhenAll(transitions.Select(t => _ports.Ledger.RecordAsync(t, cancellationToken)));
        _latest = records;
        return records;
    }

    private static RoutingOutcome Outcome(IntakeResult intake, IReadOnlyList<LedgerRecord> records) =>
        new(intake.DropId, intake.Source, intake.Verdict,
            [.. records.Select(r => new DocumentOutcome(r.Id, r.Subject.Document?.Id, r.State, r.Center, r.Topic, r.Reasons))]);

    // The workflow is done with every record of this drop: say so without publishing. A document that
    // reached a Center is reported as Duplicate, since routing it again would be a second delivery.
    private static RoutingOutcome Repeat(IntakeResult intake, LedgerRecord[] records) =>
        new(intake.DropId, intake.Source, intake.Verdict,
            [.. records.Select(r => r.State.IsWithCenter()
                ? new DocumentOutcome(r.Id, r.Subject.Document?.Id, LedgerState.Duplicate, r.Center, r.Topic,
                    [$"already routed to {r.Center} on {r.Topic} at {r.UpdatedAt.ToString("u", CultureInfo.InvariantCulture)}; not published again"])
                : new DocumentOutcome(r.Id, r.Subject.Document?.Id, r.State, r.Center, r.Topic, r.Reasons))]);

    private static string DescribeReceived(IntakeResult intake) => string.Create(CultureInfo.InvariantCulture,
        $"received {(intake.Kind == DropKind.Dis ? "DIS package" : "document")} {intake.Source} with {intake.Documents.Count} document(s)");

    private static string DescribeValidated(IntakeResult intake)
    {
        var warnings = intake.Findings.Where(f => f.Severity == FindingSeverity.Warning).ToList();
        return warnings.Count == 0
            ? "passed the intake checks"
            : "accepted with warnings: " + string.Join("; ", warnings.Select(f => $"[{f.Code}] {f.Message}"));
    }

    /// <summary>One run over a drop: its intake, its ledger subjects and their records as they were when the run began.</summary>
    private sealed record Run(IntakeResult Intake, IReadOnlyList<LedgerSubject> Subjects, IReadOnlyList<LedgerRecord?> Existing, int Redrive)
    {
        /// <summary>Whether an earlier run already recorded <paramref name="step"/> for this drop.</summary>
        public bool Recorded(string step) =>
            Existing.Any(r => r?.History.Any(h => string.Equals(h.Step, step, StringComparison.Ordinal)) == true);
    }
}
