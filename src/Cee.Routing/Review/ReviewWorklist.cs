using System.Globalization;
using Cee.Routing.Centers;
using Cee.Routing.Identifiers;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Cee.Routing.Workflow;

namespace Cee.Routing.Review;

/// <summary>
/// The documents waiting for a person, as the triage console shows them, from ledger records alone:
/// one item per drop whose records are all <see cref="LedgerState.AwaitingReview"/>, oldest request
/// first. Both hosts (the Functions app over Cosmos DB, <c>cee review serve</c> over SQLite) list
/// with it, so the two consoles show the same queue.
/// </summary>
public static class ReviewWorklist
{
    /// <summary>The ledger step the workflow records when it sends a drop to a person.</summary>
    public const string AwaitingReviewStep = "awaiting-review";

    /// <summary>The prefix of the step the workflow records at each escalation (<c>escalated-1</c>, …).</summary>
    public const string EscalatedStepPrefix = "escalated-";

    /// <summary>
    /// The items of <paramref name="records"/> (any records: those not awaiting review are skipped),
    /// oldest first; a document awaiting review because its Centers transferred it too often is an
    /// item of its own (<see cref="ReviewItem.TransferLimitKind"/>, no deadline: nothing escalates it),
    /// and the rest as the workflow left them. The deadline is the one the workflow set: the workflow records each review step
    /// at the instant its deadline counts from, so it is that step's time plus
    /// <see cref="RoutingWorkflowOptions.ReviewTimeout"/>; none after the last escalation.
    /// </summary>
    public static IReadOnlyList<ReviewItem> Build(IEnumerable<LedgerRecord> records, RoutingWorkflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        var all = records.ToList();
        var transferLimited = all.Where(TransferReviews.IsPending).ToList();
        return [.. all
            .Except(transferLimited)
            .GroupBy(r => r.Subject.DropId, StringComparer.Ordinal)
            .Where(g => g.All(r => r.State == LedgerState.AwaitingReview))
            .Select(g => ItemOf([.. g.OrderBy(r => r.Id, StringComparer.Ordinal)], options))
            .OfType<ReviewItem>()
            .Concat(transferLimited.Select(TransferLimitItemOf))
            .OrderBy(i => i.RequestedAt)
            .ThenBy(i => i.ReviewId, StringComparer.Ordinal)];
    }

    /// <summary>The escalation round a record is in: the number of escalation steps in its history.</summary>
    public static int EscalationOf(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.History.Count(h => h.Step.StartsWith(EscalatedStepPrefix, StringComparison.Ordinal));
    }

    private static ReviewItem? ItemOf(IReadOnlyList<LedgerRecord> records, RoutingWorkflowOptions options)
    {
        var first = records[0];
        var requested = first.History.FirstOrDefault(h => h.Step == AwaitingReviewStep);
        if (requested is null)
        {
            // AwaitingReview without the step that sends it: not something this workflow writes; show nothing rather than guess.
            return null;
        }

        var escalation = EscalationOf(first);
        var lastRound = first.History.LastOrDefault(h => h.Step == AwaitingReviewStep || h.Step.StartsWith(EscalatedStepPrefix, StringComparison.Ordinal)) ?? requested;
        DateTimeOffset? deadline = escalation < options.MaxEscalations ? lastRound.At + options.ReviewTimeout : null;
        var subject = first.Subject;
        var decision = first.Decision;
        var candidates = (decision?.Tally ?? [])
            .OrderByDescending(c => c.Lines)
            .ThenBy(c => c.Center, StringComparer.Ordinal)
            .Select(c => new ReviewCandidate(c.Center, CenterCatalog.Default.TryGet(c.Center, out var center) ? center.Name : c.Center, c.Lines))
            .ToList();
        return new ReviewItem(
            subject.DropId,
            SsnRedaction.Redact(subject.Source),
            subject.Port,
            PortNameOf(subject.Port),
            subject.Entries,
            subject.Importer,
            subject.CbpRequestId,
            decision?.Reasons ?? [requested.Reason],
            decision?.Flags ?? [],
            candidates,
            requested.At,
            deadline,
            escalation,
            [.. records
                .Where(r => r.Subject.Document is not null)
                .Select(r => r.Subject.Document!)
                .Select(d => new ReviewItemDocument(d.Id, d.Label, d.Kind, d.FileName, d.DetectedType, d.Size, d.Location is not null))]);
    }

    // One document its Centers sent back and forth: the reason says how often and between whom, and
    // the candidates are those Centers first (they know the document), then every other Center.
    private static ReviewItem TransferLimitItemOf(LedgerRecord record)
    {
        var step = record.History[^1];
        var path = TransferReviews.CentersOf(record);
        var lines = (record.Decision?.Tally ?? []).ToDictionary(c => c.Center, c => c.Lines, StringComparer.Ordinal);
        var candidates = path
            .Concat(CenterCatalog.Default.All.Select(c => c.Id).Where(id => !path.Contains(id, StringComparer.Ordinal)))
            .Select(id => new ReviewCandidate(id, CenterCatalog.Default.TryGet(id, out var center) ? center.Name : id, lines.GetValueOrDefault(id)))
            .ToList();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Transferred {CenterMessages.TransferCount(record)} time(s) between {string.Join(", ", path)}; {step.Reason}");
        var subject = record.Subject;
        var document = subject.Document!;
        return new ReviewItem(
            record.Id,
            SsnRedaction.Redact(subject.Source),
            subject.Port,
            PortNameOf(subject.Port),
            subject.Entries,
            subject.Importer,
            subject.CbpRequestId,
            [summary, .. record.Decision?.Reasons ?? []],
            record.Decision?.Flags ?? [],
            candidates,
            step.At,
            null,
            0,
            [new ReviewItemDocument(document.Id, document.Label, document.Kind, document.FileName, document.DetectedType, document.Size, document.Location is not null)],
            ReviewItem.TransferLimitKind);
    }

    private static string? PortNameOf(string? port) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && PortNames.TryGetName(code, out var name) ? name : null;
}
