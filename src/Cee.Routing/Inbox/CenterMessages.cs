using System.Globalization;
using Cee.Routing.Centers;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Policy;

namespace Cee.Routing.Inbox;

/// <summary>
/// The messages a Center's transfer publishes, built from the ledger record alone: a retry after a
/// crash rebuilds the same message id and the same bytes, so duplicate detection (an overwrite
/// locally) keeps it one delivery.
/// </summary>
public static class CenterMessages
{
    private const string Json = "application/json";

    /// <summary>How many times the record was transferred (its <c>Transferred</c> steps).</summary>
    public static int TransferCount(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.History.Count(h => h.State == LedgerState.Transferred);
    }

    /// <summary>The Center the latest transfer came from, from the transfer decision's flags; null when never transferred.</summary>
    public static string? LastTransferFrom(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var flag = record.Decision?.Flags.LastOrDefault(f => f.StartsWith(RoutingFlags.TransferredFromPrefix, StringComparison.Ordinal));
        return flag?[RoutingFlags.TransferredFromPrefix.Length..];
    }

    /// <summary>
    /// The session the document's first message went out in: kept on the record since the Routed
    /// step; for an older record, derived as <see cref="MessageFactory.SessionIdFor"/> did (the entry,
    /// else a non-SSN importer, else the drop).
    /// </summary>
    public static string SessionIdOf(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.SessionId is { Length: > 0 } kept)
        {
            return kept;
        }

        var subject = record.Subject;
        if (subject.Entries.Count > 0)
        {
            return subject.Entries[0];
        }

        // A masked SSN is not its session key (an HMAC the record does not hold): fall back to the drop.
        return subject.Importer is { } importer && !importer.Contains('*', StringComparison.Ordinal) ? importer : subject.DropId;
    }

    /// <summary>The message id of the record's transfer number <paramref name="number"/>: <c>{documentId}-transfer-{n}</c>.</summary>
    public static string TransferMessageId(string documentId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{documentId}-transfer-{number}");

    /// <summary>The routed-document message of the record's latest transfer, on the new Center's topic, in the document's session.</summary>
    public static TopicMessage Transferred(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var document = record.Subject.Document
            ?? throw new ArgumentException($"{record.Id} is a drop-level record: there is no document to transfer.", nameof(record));
        var decision = record.Decision
            ?? throw new ArgumentException($"{record.Id} has no transfer decision.", nameof(record));
        var center = CenterCatalog.Default.Get(record.Center
            ?? throw new ArgumentException($"{record.Id} names no Center.", nameof(record)));
        var transfer = record.History.Last(h => h.State == LedgerState.Transferred);
        var subject = record.Subject;
        var origin = new DocumentOrigin(subject.DropId, subject.Port, subject.Filer, subject.Entries, subject.Importer, subject.CbpRequestId);
        return MessageFactory.CenterDocument(origin, document, center, decision,
            TransferMessageId(document.Id, TransferCount(record)), SessionIdOf(record), transfer.CorrelationId, transfer.At);
    }

    /// <summary>
    /// The review request of a document transferred too often, on the triage topic:
    /// <c>review-{documentId}-transfers</c>, in the document's session, deadline from the step's time.
    /// </summary>
    public static TopicMessage TransferReview(LedgerRecord record, TimeSpan reviewTimeout)
    {
        ArgumentNullException.ThrowIfNull(record);
        var document = record.Subject.Document
            ?? throw new ArgumentException($"{record.Id} is a drop-level record: there is no document to review.", nameof(record));
        var step = record.History[^1];
        var pending = record.Decision ?? throw new ArgumentException($"{record.Id} has no pending decision.", nameof(record));
        var body = new ReviewRequestMessage(
            ReviewRequestMessage.SchemaName,
            ReviewRequestMessage.CurrentVersion,
            document.Id,
            record.Subject.DropId,
            record.Subject.Source,
            [new ReviewDocument(document.Id, document.Label, document.Kind, document.FileName, document.Location)],
            record.Subject.Port,
            record.Subject.Filer,
            record.Subject.Entries,
            record.Subject.Importer is { } importer ? [importer] : [],
            record.Subject.CbpRequestId,
            pending.Reasons,
            pending.Flags,
            pending.Tally,
            step.At,
            step.At + reviewTimeout,
            step.CorrelationId);
        var properties = new MessageProperties(
            $"review-{document.Id}-transfers",
            SessionIdOf(record),
            step.CorrelationId,
            "review-request",
            Json,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["kind"] = "review-request",
                ["port"] = record.Subject.Port ?? string.Empty,
                ["schemaVersion"] = ReviewRequestMessage.CurrentVersion.ToString(CultureInfo.InvariantCulture),
            });
        return new TopicMessage(Topics.Triage, properties, ContractJson.Serialize(body));
    }
}
