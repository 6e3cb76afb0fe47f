using System.Globalization;
using Cee.Routing.Centers;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Policy;

namespace Cee.Routing.Messages;

/// <summary>Builds the messages the workflow publishes, with their Service Bus properties.</summary>
public static class MessageFactory
{
    private const string Json = "application/json";

    /// <summary>A routed document on its Center's topic. MessageId = document id, so a repeat is dropped by duplicate detection.</summary>
    public static TopicMessage RoutedDocument(IntakeResult intake, IntakeDocument document, RoutingDecision decision, DateTimeOffset routedAt)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(decision);
        var center = CenterCatalog.Default.Get(decision.Center
            ?? throw new ArgumentException("Only a decision that routes has a Center to publish to.", nameof(decision)));
        var origin = new DocumentOrigin(intake.DropId, intake.Port, intake.Filer, intake.Entries, FirstImporter(intake), intake.CbpRequestId);
        return CenterDocument(origin, document, center, decision, document.Id, SessionIdFor(intake), intake.DropId, routedAt);
    }

    /// <summary>
    /// A document on <paramref name="center"/>'s topic: the routed-document body and the properties
    /// subscriptions filter on. The one shape of a Center's message, first routing or a transfer.
    /// </summary>
    public static TopicMessage CenterDocument(
        DocumentOrigin origin, IntakeDocument document, Center center, RoutingDecision decision,
        string messageId, string sessionId, string correlationId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(center);
        ArgumentNullException.ThrowIfNull(decision);
        var body = new RoutedDocumentMessage(
            RoutedDocumentMessage.SchemaName,
            RoutedDocumentMessage.CurrentVersion,
            document.Id,
            origin.DropId,
            document.Sha256,
            document.Location,
            document.Label,
            document.Kind,
            document.FileName,
            document.DetectedType,
            document.Size,
            origin.Port,
            origin.Filer,
            origin.Entries,
            origin.Importer,
            origin.CbpRequestId,
            center.Id,
            center.Name,
            decision,
            correlationId,
            at);
        var properties = new MessageProperties(
            messageId,
            sessionId,
            correlationId,
            document.Kind.ToWireName(),
            Json,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["kind"] = document.Kind.ToWireName(),
                ["port"] = origin.Port ?? string.Empty,
                ["center"] = center.Id,
                ["basis"] = BasisName(decision.Basis),
                ["schemaVersion"] = RoutedDocumentMessage.CurrentVersion.ToString(CultureInfo.InvariantCulture),
            });
        return new TopicMessage(center.Topic, properties, ContractJson.Serialize(body));
    }

    /// <summary>
    /// The withdrawal of <paramref name="original"/> (a record a Center holds) on that Center's topic, in
    /// the session its routed message went in. MessageId = <c>withdrawal-{documentId}</c>: a document is
    /// withdrawn once, so a repeat is dropped by duplicate detection (overwritten locally).
    /// </summary>
    public static TopicMessage Withdrawal(IntakeResult withdrawal, LedgerRecord original, DateTimeOffset withdrawnAt)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        ArgumentNullException.ThrowIfNull(original);
        var request = withdrawal.Withdrawal ?? throw new ArgumentException("The drop is not a DocumentWithdrawal.", nameof(withdrawal));
        var center = CenterCatalog.Default.Get(original.Center
            ?? throw new ArgumentException($"Record {original.Id} is with no Center.", nameof(original)));
        var subject = original.Subject;
        var body = new WithdrawalMessage(
            WithdrawalMessage.SchemaName,
            WithdrawalMessage.CurrentVersion,
            original.Id,
            subject.DropId,
            subject.Document?.SourceDocumentId,
            withdrawal.DropId,
            subject.Port,
            withdrawal.Filer ?? subject.Filer,
            subject.Entries,
            center.Id,
            request.Reason,
            request.Comment,
            withdrawal.DropId,
            withdrawnAt);
        var properties = new MessageProperties(
            "withdrawal-" + original.Id,
            SessionIdOf(subject, withdrawal),
            withdrawal.DropId,
            WithdrawalMessage.Kind,
            Json,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["kind"] = WithdrawalMessage.Kind,
                ["port"] = subject.Port ?? string.Empty,
                ["center"] = center.Id,
                ["schemaVersion"] = WithdrawalMessage.CurrentVersion.ToString(CultureInfo.InvariantCulture),
            });
        return new TopicMessage(center.Topic, properties, ContractJson.Serialize(body));
    }

    /// <summary>A review request on the triage topic. MessageId = <c>review-{dropId}</c>.</summary>
    public static TopicMessage ReviewRequest(IntakeResult intake, RoutingDecision pending, DateTimeOffset requestedAt, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(pending);
        var body = new ReviewRequestMessage(
            ReviewRequestMessage.SchemaName,
            ReviewRequestMessage.CurrentVersion,
            intake.DropId,
            intake.DropId,
            intake.Source,
            [.. intake.Documents.Select(d => new ReviewDocument(d.Id, d.Label, d.Kind, d.FileName, d.Location))],
            intake.Port,
            intake.Filer,
            intake.Entries,
            [.. intake.Importers.Select(i => i.Masked)],
            intake.CbpRequestId,
            pending.Reasons,
            pending.Flags,
            pending.Tally,
            requestedAt,
            deadline,
            intake.DropId);
        return Triage(intake, $"review-{intake.DropId}", "review-request", ContractJson.Serialize(body));
    }

    /// <summary>An escalation on the triage topic. MessageId = <c>review-{dropId}-escalation-{round}</c>.</summary>
    public static TopicMessage ReviewEscalation(IntakeResult intake, RoutingDecision pending, int round, DateTimeOffset escalatedAt, DateTimeOffset? nextDeadline)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(pending);
        var body = new ReviewEscalationMessage(
            ReviewEscalationMessage.SchemaName,
            ReviewEscalationMessage.CurrentVersion,
            intake.DropId,
            intake.DropId,
            intake.Source,
            round,
            escalatedAt,
            nextDeadline,
            pending.Reasons,
            intake.DropId);
        var messageId = string.Create(CultureInfo.InvariantCulture, $"review-{intake.DropId}-escalation-{round}");
        return Triage(intake, messageId, "review-escalation", ContractJson.Serialize(body));
    }

    /// <summary>
    /// A failed run on the triage topic. MessageId = <c>failed-{dropId}-{round}</c>. Without an intake
    /// (the drop could not be read) the session is the drop id.
    /// </summary>
    public static TopicMessage RunFailed(
        DropReference drop, IntakeResult? intake, IReadOnlyList<string> recordIds, Workflow.RunFailure failure, int round, DateTimeOffset failedAt)
    {
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentNullException.ThrowIfNull(recordIds);
        ArgumentNullException.ThrowIfNull(failure);
        var body = new RunFailedMessage(
            RunFailedMessage.SchemaName, RunFailedMessage.CurrentVersion, drop.DropId, drop.Source, recordIds,
            failure.Step, failure.Attempts, failure.Error, round, failedAt, drop.DropId);
        var messageId = string.Create(CultureInfo.InvariantCulture, $"failed-{drop.DropId}-{round}");
        const string type = "run-failed";
        return new TopicMessage(Topics.Triage,
            new MessageProperties(
                messageId,
                intake is null ? drop.DropId : SessionIdFor(intake),
                drop.DropId,
                type,
                Json,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["kind"] = type,
                    ["port"] = intake?.Port ?? string.Empty,
                    ["schemaVersion"] = "1",
                }),
            ContractJson.Serialize(body));
    }

    /// <summary>
    /// The withdrawal of a superseded run's review request, on the triage topic. MessageId =
    /// <c>superseded-{dropId}</c>; the session is the entry number when the run had one, else its drop id.
    /// </summary>
    public static TopicMessage ReviewSuperseded(LedgerSubject earlier, IReadOnlyList<string> recordIds, string supersededBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(recordIds);
        ArgumentException.ThrowIfNullOrEmpty(supersededBy);
        var body = new ReviewSupersededMessage(
            ReviewSupersededMessage.SchemaName, ReviewSupersededMessage.CurrentVersion, earlier.DropId, earlier.Source, recordIds,
            supersededBy, at, earlier.DropId);
        const string type = "review-superseded";
        return new TopicMessage(Topics.Triage,
            new MessageProperties(
                $"superseded-{earlier.DropId}",
                earlier.Entries.Count > 0 ? earlier.Entries[0] : earlier.DropId,
                earlier.DropId,
                type,
                Json,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["kind"] = type,
                    ["port"] = earlier.Port ?? string.Empty,
                    ["schemaVersion"] = "1",
                }),
            ContractJson.Serialize(body));
    }

    /// <summary>
    /// The entry number groups a Center's messages best; else the importer (an SSN only by its
    /// opaque lookup key, never its digits); else the drop.
    /// </summary>
    public static string SessionIdFor(IntakeResult intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        if (intake.Entries.Count > 0)
        {
            return intake.Entries[0];
        }

        if (intake.Importers.Count > 0)
        {
            var importer = intake.Importers[0];
            return importer.Kind == "ssn" ? importer.LookupKey : importer.Masked;
        }

        return intake.DropId;
    }

    /// <summary>
    /// The session <see cref="SessionIdFor"/> gave the original drop, from its ledger subject: its first
    /// entry, else its importer. The ledger keeps an SSN only masked, so an SSN importer's opaque key is
    /// taken from the withdrawal when it names the same importer; else the session is the original drop's.
    /// </summary>
    private static string SessionIdOf(LedgerSubject original, IntakeResult withdrawal)
    {
        if (original.Entries.Count > 0)
        {
            return original.Entries[0];
        }

        if (original.Importer is { } importer)
        {
            var named = withdrawal.Importers.FirstOrDefault(i => string.Equals(i.Masked, importer, StringComparison.Ordinal));
            if (named is not null)
            {
                return named.Kind == "ssn" ? named.LookupKey : named.Masked;
            }

            if (!importer.StartsWith('*'))
            {
                return importer;
            }
        }

        return original.DropId;
    }

    private static TopicMessage Triage(IntakeResult intake, string messageId, string type, string body) =>
        new(Topics.Triage,
            new MessageProperties(
                messageId,
                SessionIdFor(intake),
                intake.DropId,
                type,
                Json,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["kind"] = type,
                    ["port"] = intake.Port ?? string.Empty,
                    ["schemaVersion"] = "1",
                }),
            body);

    private static string? FirstImporter(IntakeResult intake) => intake.Importers.Count > 0 ? intake.Importers[0].Masked : null;

    /// <summary>The basis as the <c>basis</c> application property names it (subscription filters see this).</summary>
    public static string BasisName(RoutingBasis basis) => basis switch
    {
        RoutingBasis.RequestIssuer => "request-issuer",
        RoutingBasis.ImporterAccount => "importer-account",
        RoutingBasis.HtsPredominance => "hts-predominance",
        RoutingBasis.Reviewer => "reviewer",
        RoutingBasis.BestHtsGuess => "best-hts-guess",
        RoutingBasis.CenterTransfer => "center-transfer",
        _ => "none",
    };
}
