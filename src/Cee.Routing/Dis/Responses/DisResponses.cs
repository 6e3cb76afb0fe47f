using System.Globalization;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Policy;

namespace Cee.Routing.Dis.Responses;

/// <summary>
/// The answers to a port, in DIS's own formats: a <c>MessageValidationResponse</c> for every drop and a
/// <c>DocumentReviewResponse</c> for every document a person (or the deadline fallback) decided.
/// <para>
/// Built only from the drop's intake and its ledger records' history, never from the clock: every
/// time written is one the ledger recorded, and each verdict is read from the step that recorded it
/// (not from the record's state now, which a receipt or a withdrawal changes later). So a re-run, or
/// a replay, writes the same bytes.
/// </para>
/// </summary>
public static class DisResponses
{
    public const string Accepted = "ACCEPTED";
    public const string Rejected = "REJECTED";

    /// <summary>The steps that end intake for a record, in the order a record can pass them.</summary>
    private static readonly string[] VerdictSteps = ["rejected", "duplicate", "awaiting-review", "routed"];

    /// <summary>The MessageValidationResponse for a drop whose records all reached a verdict step; null while one has not.</summary>
    public static PortResponse? Validation(IntakeResult intake, IReadOnlyList<LedgerRecord> records)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(records);
        var verdicts = records.Select(r => (Record: r, Step: VerdictOf(r))).ToList();
        if (verdicts.Count == 0 || verdicts.Any(v => v.Step is null))
        {
            return null;
        }

        var rejected = intake.Verdict == IntakeVerdict.Reject || verdicts.All(v => v.Step!.Step == "rejected");
        var sentAt = verdicts.Max(v => v.Step!.At);
        var receivedAt = records.Min(r => r.History[0].At);
        var messageId = "CEE-MVR-" + intake.DropId;
        using var writer = new DisEnvelopeWriter();
        writer.Begin(messageId, "MessageValidationResponse", sentAt, intake.Port);
        var xml = writer.Xml;
        xml.WriteStartElement("MessageValidationResponse", DisSchema.Namespace);
        xml.WriteStartElement("MessageLevelResult", DisSchema.Namespace);
        writer.MessageHeader("ProcessedMessageHeader", intake.Message, intake, receivedAt);
        xml.WriteStartElement("MessageProcessingResult", DisSchema.Namespace);
        writer.Leaf("ProcessingEvent", EventOf(intake));
        writer.Leaf("ProcessingStatus", rejected ? Rejected : Accepted);
        writer.Leaf("ProcessingStatusSummaryText", Summary(intake, verdicts.Select(v => v.Step!.Step).ToList(), rejected));
        // A finding about a document that was not decoded has no DocumentLevelResult of its own: it goes here.
        var answered = records.Where(r => r.Subject.Document is not null).Select(r => Ordinal(r.Subject.Document!.Id)).ToHashSet();
        foreach (var finding in intake.Findings.Where(f => DocumentOrdinal(f.Path) is not { } n || !answered.Contains(n)))
        {
            writer.Leaf("ProcessingLogText", LogLine(finding));
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        foreach (var (record, step) in verdicts)
        {
            WriteDocumentResult(writer, intake, record, step!);
        }

        xml.WriteEndElement();
        return new PortResponse(PortResponse.CurrentVersion, intake.DropId, intake.Source, intake.Port,
            PortResponse.ValidationKind, PortResponse.ValidationSuffix, messageId, writer.End());
    }

    /// <summary>
    /// One DocumentReviewResponse per document that waited for a person and was then routed (by a
    /// reviewer, or by the deadline fallback); empty when none was.
    /// </summary>
    public static IReadOnlyList<PortResponse> Reviews(IntakeResult intake, IReadOnlyList<LedgerRecord> records)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(records);
        var answers = new List<PortResponse>();
        foreach (var record in records)
        {
            var routed = record.History.FirstOrDefault(h => h.Step == "routed");
            if (record.Subject.Document is not { } document || routed is null || !record.History.Any(h => h.Step == "awaiting-review"))
            {
                continue;
            }

            var ordinal = Ordinal(document.Id);
            var suffix = records.Count == 1 ? PortResponse.ReviewSuffix : string.Create(CultureInfo.InvariantCulture, $".{ordinal:000}{PortResponse.ReviewSuffix}");
            var messageId = "CEE-DRR-" + document.Id;
            using var writer = new DisEnvelopeWriter();
            writer.Begin(messageId, "DocumentReviewResponse", routed.At, intake.Port);
            var xml = writer.Xml;
            xml.WriteStartElement("DocumentReviewResponse", DisSchema.Namespace);
            writer.DocumentHeader("DocumentHeader", document);
            if (intake.Port is { } port)
            {
                writer.Leaf("SubmittedToPortCode", port);
            }

            writer.TradeTransaction(record.Subject.Entries);
            xml.WriteStartElement("DocumentReviewResult", DisSchema.Namespace);
            var byReviewer = record.Decision?.Basis == RoutingBasis.Reviewer;
            writer.Leaf("ProcessingEvent", byReviewer ? "REVIEW" : "REVIEW-DEADLINE");
            writer.Leaf("DocumentReviewStatus", Accepted);
            writer.Leaf("DocumentReviewComment", Comment(record.Decision, byReviewer, routed.Reason));
            xml.WriteEndElement();
            xml.WriteEndElement();
            answers.Add(new PortResponse(PortResponse.CurrentVersion, intake.DropId, intake.Source, intake.Port,
                PortResponse.ReviewKind, suffix, messageId, writer.End()));
        }

        return answers;
    }

    // A reviewer's decision ends with their sentence (who chose which Center, and their note); the
    // deadline fallback with two: that the deadline passed, and the HTSUS predominance that decided.
    private static string Comment(RoutingDecision? decision, bool byReviewer, string fallback) => decision?.Reasons switch
    {
        { Count: > 1 } reasons when !byReviewer => reasons[^2] + "; " + reasons[^1],
        { Count: > 0 } reasons => reasons[^1],
        _ => fallback,
    };

    private static LedgerHistoryEntry? VerdictOf(LedgerRecord record) =>
        record.History.FirstOrDefault(h => VerdictSteps.Contains(h.Step, StringComparer.Ordinal));

    private static void WriteDocumentResult(DisEnvelopeWriter writer, IntakeResult intake, LedgerRecord record, LedgerHistoryEntry step)
    {
        var xml = writer.Xml;
        xml.WriteStartElement("DocumentLevelResult", DisSchema.Namespace);
        var document = record.Subject.Document;
        if (document is not null)
        {
            writer.DocumentHeader("ProcessedDocumentHeader", document);
        }

        writer.TradeTransaction(record.Subject.Entries);
        xml.WriteStartElement("DocumentProcessingResult", DisSchema.Namespace);
        var refused = step.Step == "rejected";
        writer.Leaf("ProcessingEvent", EventOf(intake));
        writer.Leaf("ProcessingStatus", refused ? Rejected : Accepted);
        writer.Leaf("ProcessingStatusSummaryText", intake.Withdrawal is null ? DocumentSummary(step) : WithdrawalSummary(refused));
        if (document is not null)
        {
            var ordinal = Ordinal(document.Id);
            foreach (var finding in intake.Findings.Where(f => DocumentOrdinal(f.Path) == ordinal))
            {
                writer.Leaf("ProcessingLogText", LogLine(finding));
            }
        }

        writer.Leaf("ProcessingLogText", step.Reason);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Summary(IntakeResult intake, List<string> steps, bool rejected)
    {
        if (intake.Withdrawal is not null && (!rejected || !intake.Errors.Any()))
        {
            return WithdrawalSummary(rejected);
        }

        if (rejected)
        {
            var errors = intake.Errors.Count();
            return string.Create(CultureInfo.InvariantCulture, $"rejected: {errors} error(s); nothing was routed, the drop is kept with its reasons");
        }

        int Count(string step) => steps.Count(s => s == step);
        return string.Create(CultureInfo.InvariantCulture,
            $"accepted: {steps.Count} document(s); {Count("routed")} routed to their Center, {Count("awaiting-review")} waiting for a person (a DocumentReviewResponse follows), {Count("duplicate")} duplicate(s) of a drop already received");
    }

    // A withdrawal is answered as one: refused (its reason, with its code, is the ledger's log line) or done.
    private static string EventOf(IntakeResult intake) => intake.Withdrawal is null ? "VALIDATION" : "WITHDRAWAL";

    private static string WithdrawalSummary(bool refused) => refused
        ? "rejected: the withdrawal was refused; nothing was withdrawn"
        : "accepted: the document named was withdrawn and the Center holding it was told";

    private static string DocumentSummary(LedgerHistoryEntry step) => step.Step switch
    {
        "rejected" => "rejected with the drop",
        "duplicate" => "accepted: a duplicate of content already received; not routed again",
        "awaiting-review" => "accepted: waiting for a person to decide its Center; a DocumentReviewResponse follows",
        _ => "accepted: routed to its Center",
    };

    private static string LogLine(Finding finding) =>
        $"[{finding.Code}] {finding.Severity.ToString().ToLowerInvariant()}: {finding.Message}{(finding.Path is null ? string.Empty : $" (at {finding.Path})")}";

    private static int Ordinal(string documentId) =>
        int.TryParse(documentId.AsSpan(documentId.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The 1-based document a finding's path points into (<c>…/DocumentData[2]/…</c>; no index is the first), or null for the message.</summary>
    private static int? DocumentOrdinal(string? path)
    {
        const string marker = "/DocumentData";
        var at = path?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var rest = path.AsSpan(at + marker.Length);
        if (rest.Length == 0 || rest[0] == '/')
        {
            return 1;
        }

        var close = rest.IndexOf(']');
        return rest[0] == '[' && close > 1 && int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
