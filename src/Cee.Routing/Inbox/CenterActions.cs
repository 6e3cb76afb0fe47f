using System.Globalization;
using Cee.Routing.Centers;
using Cee.Routing.Identifiers;
using Cee.Routing.Ledger;
using Cee.Routing.Policy;
using Cee.Routing.Ports;

namespace Cee.Routing.Inbox;

/// <summary>
/// A Center's two answers to a document it was sent: "received" (<c>Delivered</c>) and "not ours,
/// it is that Center's" (<c>Transferred</c>, published on the new Center's topic in the same
/// session). One implementation behind the API (<c>POST documents/{id}/receipt|transfer</c>) and
/// <c>cee inbox</c>, over the same ports as the routing workflow.
/// </summary>
/// <remarks>
/// Crash safety: a transfer is recorded first, then published. A crash between the two leaves the
/// record <c>Transferred</c> and no message; the same request again (the old Center retrying) finds
/// the step recorded and publishes the message it names, under the same message id
/// (<see cref="CenterMessages.TransferMessageId"/>), so a retry after a publish that did land is
/// dropped by duplicate detection. Recording first means the ledger never names a Center that
/// could receive a message the ledger does not know about.
/// </remarks>
public sealed class CenterActions(IRoutingLedger ledger, ITopicPublisher publisher, IWorkflowClock clock, TransferOptions options)
{
    /// <summary>Records the caller's Center's receipt of <paramref name="documentId"/>.</summary>
    public async Task<CenterActionResult> AcknowledgeAsync(string documentId, CenterCaller caller, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        ArgumentNullException.ThrowIfNull(caller);
        var record = await ledger.GetAsync(documentId, cancellationToken);
        if (record is null || !caller.ActsFor(record.Center))
        {
            return NotFound(documentId, caller);
        }

        switch (record.State)
        {
            case LedgerState.Delivered:
                return new CenterActionResult(CenterActionOutcome.AlreadyDelivered, record);
            case LedgerState.Routed or LedgerState.Transferred:
                break;
            case LedgerState.Withdrawn:
                return Withdrawn(record, "acknowledged");
            default:
                return new CenterActionResult(CenterActionOutcome.Conflict, record,
                    $"{documentId} is {record.State}; only a document Routed or Transferred to {record.Center} can be acknowledged.");
        }

        var holding = CenterMessages.TransferCount(record) + 1;
        var transition = new LedgerTransition(
            record.Id,
            string.Create(CultureInfo.InvariantCulture, $"delivered-{holding}"),
            LedgerState.Delivered,
            clock.UtcNow,
            $"{record.Center} acknowledged receipt ({Describe(caller.Actor)})",
            CorrelationOf(record),
            By: caller.Actor);
        var stored = await ledger.RecordAsync(transition, cancellationToken);
        return stored.State == LedgerState.Delivered && stored.Center == record.Center
            ? new CenterActionResult(CenterActionOutcome.Delivered, stored)
            : new CenterActionResult(CenterActionOutcome.Conflict, stored, $"{documentId} moved to {stored.State} while the receipt was recorded; read it again.");
    }

    /// <summary>
    /// The caller's Center says <paramref name="documentId"/> belongs to <paramref name="toCenter"/>:
    /// records <c>Transferred</c> and publishes it on that Center's topic, or, after
    /// <see cref="TransferOptions.MaxTransfers"/> transfers, sends it to a person.
    /// </summary>
    public async Task<CenterActionResult> TransferAsync(string documentId, string toCenter, string reason, CenterCaller caller, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        ArgumentNullException.ThrowIfNull(caller);
        if (!CenterCatalog.Default.TryGet(toCenter?.Trim().ToUpperInvariant(), out var target))
        {
            return Invalid($"toCenter {CenterCatalog.DescribeUnknown(toCenter)}");
        }

        var why = SsnRedaction.Redact(reason?.Trim() ?? string.Empty);
        if (why.Length == 0 || why.Length > TransferOptions.MaxReasonLength)
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture,
                $"a transfer needs a reason of 1 to {TransferOptions.MaxReasonLength} characters saying why the document is not this Center's; got {why.Length}"));
        }

        var record = await ledger.GetAsync(documentId, cancellationToken);
        if (record is null)
        {
            return NotFound(documentId, caller);
        }

        if (await CompleteRepeatAsync(record, target.Id, caller, cancellationToken) is { } repeated)
        {
            return repeated;
        }

        if (!caller.ActsFor(record.Center))
        {
            return NotFound(documentId, caller);
        }

        if (record.State == LedgerState.Withdrawn)
        {
            return Withdrawn(record, "transferred");
        }

        if (!record.State.IsWithCenter())
        {
            return new CenterActionResult(CenterActionOutcome.Conflict, record,
                $"{documentId} is {record.State}; only a document with {record.Center} (Routed, Delivered or Transferred) can be transferred.");
        }

        if (target.Id == record.Center)
        {
            return new CenterActionResult(CenterActionOutcome.Invalid, record, $"{documentId} is already with {target.Id}; a transfer names another Center.");
        }

        var count = CenterMessages.TransferCount(record);
        return count >= options.MaxTransfers
            ? await SendToReviewAsync(record, target.Id, why, count, caller, cancellationToken)
            : await RecordTransferAsync(record, target.Id, why, count + 1, caller, cancellationToken);
    }

    /// <summary>
    /// A reviewer's answer for a document sent to a person because it was transferred too often
    /// (<see cref="TransferReviews.IsPending"/>): records a <c>Transferred</c> step to
    /// <paramref name="center"/> naming the reviewer, then publishes the document on that Center's
    /// topic in its session, as a transfer does (same message id scheme, same crash safety: the same
    /// decision again republishes the recorded one). A record decided otherwise since is a conflict.
    /// </summary>
    public async Task<CenterActionResult> DecideAsync(string documentId, string center, LedgerActor reviewer, string? note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!CenterCatalog.Default.TryGet(center?.Trim().ToUpperInvariant(), out var target))
        {
            return Invalid($"center {CenterCatalog.DescribeUnknown(center)}");
        }

        var record = await ledger.GetAsync(documentId, cancellationToken);
        if (record is null || !TransferReviews.WasSent(record))
        {
            return new CenterActionResult(CenterActionOutcome.NotFound, null,
                $"No document '{SsnRedaction.Redact(documentId)}' was sent to a person for being transferred too often.");
        }

        if (TransferReviews.IsJustDecided(record) && record.Center == target.Id)
        {
            // The same decision again (the reviewer retrying after a crash or a timeout): only the publish may be missing.
            await publisher.PublishAsync(CenterMessages.Transferred(record), cancellationToken);
            return new CenterActionResult(CenterActionOutcome.Decided, record, Repeated: true);
        }

        if (!TransferReviews.IsPending(record))
        {
            var by = record.Decision?.Reviewer is { } name ? $" by {name}" : string.Empty;
            return new CenterActionResult(CenterActionOutcome.Conflict, record,
                $"{record.Id} is no longer awaiting review: it is {record.State} at {record.Center}{by}, {record.History[^1].Reason}. Nothing was changed.");
        }

        var count = CenterMessages.TransferCount(record);
        var number = count + 1;
        var why = SsnRedaction.Redact(note?.Trim() ?? string.Empty);
        var sentence = string.Create(CultureInfo.InvariantCulture,
            $"{Describe(reviewer)} decided it is {target.Id}'s after {count} transfer(s) between {string.Join(", ", TransferReviews.CentersOf(record))}{(why.Length > 0 ? ": " + why : string.Empty)}");
        var previous = record.Decision;
        var decision = new RoutingDecision(
            DecisionOutcome.Route,
            target.Id,
            RoutingBasis.Reviewer,
            "transfer-review",
            [.. previous?.Reasons ?? [], sentence],
            previous?.Rules ?? [],
            previous?.Flags ?? [],
            previous?.Tally ?? [],
            reviewer.Name,
            reviewer.Id);
        var transition = new LedgerTransition(
            record.Id,
            string.Create(CultureInfo.InvariantCulture, $"{TransferReviews.DecidedStepPrefix}{number}"),
            LedgerState.Transferred,
            clock.UtcNow,
            sentence,
            CorrelationOf(record),
            Decision: decision,
            Topic: target.Topic,
            SessionId: CenterMessages.SessionIdOf(record),
            By: reviewer);
        var stored = await ledger.RecordAsync(transition, cancellationToken);
        if (stored.State != LedgerState.Transferred || stored.Center != target.Id || CenterMessages.TransferCount(stored) != number)
        {
            return new CenterActionResult(CenterActionOutcome.Conflict, stored, $"{record.Id} moved to {stored.State} at {stored.Center} while the decision was recorded; read it again.");
        }

        await publisher.PublishAsync(CenterMessages.Transferred(stored), cancellationToken);
        return new CenterActionResult(CenterActionOutcome.Decided, stored);
    }

    private async Task<CenterActionResult> RecordTransferAsync(LedgerRecord record, string to, string why, int number, CenterCaller caller, CancellationToken cancellationToken)
    {
        var from = record.Center!;
        var previous = record.Decision;
        var sentence = $"{from} transferred it to {to} ({Describe(caller.Actor)}): {why}";
        var decision = new RoutingDecision(
            DecisionOutcome.Route,
            to,
            RoutingBasis.CenterTransfer,
            "center-transfer",
            [.. previous?.Reasons ?? [], sentence],
            previous?.Rules ?? [],
            [.. previous?.Flags ?? [], RoutingFlags.TransferredFromPrefix + from],
            previous?.Tally ?? [],
            caller.Actor.Name,
            caller.Actor.Id);
        var transition = new LedgerTransition(
            record.Id,
            string.Create(CultureInfo.InvariantCulture, $"transferred-{number}"),
            LedgerState.Transferred,
            clock.UtcNow,
            sentence,
            CorrelationOf(record),
            Decision: decision,
            Topic: CenterCatalog.Default.Get(to).Topic,
            SessionId: CenterMessages.SessionIdOf(record),
            By: caller.Actor);
        var stored = await ledger.RecordAsync(transition, cancellationToken);
        if (stored.State != LedgerState.Transferred || stored.Center != to || CenterMessages.TransferCount(stored) != number)
        {
            return new CenterActionResult(CenterActionOutcome.Conflict, stored, $"{record.Id} moved to {stored.State} at {stored.Center} while the transfer was recorded; read it again.");
        }

        await publisher.PublishAsync(CenterMessages.Transferred(stored), cancellationToken);
        return new CenterActionResult(CenterActionOutcome.Transferred, stored);
    }

    private async Task<CenterActionResult> SendToReviewAsync(LedgerRecord record, string to, string why, int count, CenterCaller caller, CancellationToken cancellationToken)
    {
        var sentence = string.Create(CultureInfo.InvariantCulture,
            $"{record.Center} asked to transfer it to {to} ({Describe(caller.Actor)}): {why}; it was already transferred {count} time(s) (at most {options.MaxTransfers}), so a person decides");
        var previous = record.Decision;
        var pending = new RoutingDecision(
            DecisionOutcome.Review,
            null,
            RoutingBasis.None,
            null,
            [.. previous?.Reasons ?? [], sentence],
            previous?.Rules ?? [],
            [.. previous?.Flags ?? [], RoutingFlags.TransferredFromPrefix + record.Center],
            previous?.Tally ?? []);
        var transition = new LedgerTransition(
            record.Id,
            string.Create(CultureInfo.InvariantCulture, $"{TransferReviews.ReviewStepPrefix}{count + 1}"),
            LedgerState.AwaitingReview,
            clock.UtcNow,
            sentence,
            CorrelationOf(record),
            Decision: pending,
            Topic: CenterCatalog.Default.TriageTopic,
            SessionId: CenterMessages.SessionIdOf(record),
            By: caller.Actor);
        var stored = await ledger.RecordAsync(transition, cancellationToken);
        if (stored.State != LedgerState.AwaitingReview)
        {
            return new CenterActionResult(CenterActionOutcome.Conflict, stored, $"{record.Id} moved to {stored.State} while the transfer was recorded; read it again.");
        }

        await publisher.PublishAsync(CenterMessages.TransferReview(stored, options.ReviewTimeout), cancellationToken);
        return new CenterActionResult(CenterActionOutcome.SentToReview, stored);
    }

    // The same transfer again from the Center that made it: its step is recorded, so only the
    // publish may be missing (a crash, a timeout the caller saw). Publish it again, same message id.
    private async Task<CenterActionResult?> CompleteRepeatAsync(LedgerRecord record, string to, CenterCaller caller, CancellationToken cancellationToken)
    {
        var last = record.History[^1];
        if (record.State == LedgerState.Transferred && record.Center == to && caller.ActsFor(CenterMessages.LastTransferFrom(record)))
        {
            await publisher.PublishAsync(CenterMessages.Transferred(record), cancellationToken);
            return new CenterActionResult(CenterActionOutcome.Transferred, record, Repeated: true);
        }

        if (record.State == LedgerState.AwaitingReview && last.Step.StartsWith(TransferReviews.ReviewStepPrefix, StringComparison.Ordinal) && caller.ActsFor(record.Center))
        {
            await publisher.PublishAsync(CenterMessages.TransferReview(record, options.ReviewTimeout), cancellationToken);
            return new CenterActionResult(CenterActionOutcome.SentToReview, record, Repeated: true);
        }

        return null;
    }

    private static CenterActionResult NotFound(string documentId, CenterCaller caller) =>
        new(CenterActionOutcome.NotFound, null,
            $"{string.Join(", ", caller.Centers.Order(StringComparer.Ordinal))} hold(s) no document '{SsnRedaction.Redact(documentId)}'.");

    // Withdrawn is final: the filer took the document back, so no Center may hold it any more.
    private static CenterActionResult Withdrawn(LedgerRecord record, string step) =>
        new(CenterActionOutcome.Conflict, record,
            $"{record.Id} is Withdrawn, {record.History[^1].Reason}; a withdrawn document cannot be {step}.");

    private static CenterActionResult Invalid(string problem) => new(CenterActionOutcome.Invalid, null, problem + ".");

    private static string CorrelationOf(LedgerRecord record) => record.History.Count > 0 ? record.History[0].CorrelationId : record.Subject.DropId;

    private static string Describe(LedgerActor actor) => $"{actor.Name}, {actor.Id}";
}
