using Azure.Messaging.ServiceBus;
using Cee.CenterInbox.Api;
using Cee.CenterInbox.Documents;
using Cee.Routing.Inbox;
using Cee.Routing.Messages;
using Microsoft.Extensions.Logging;

namespace Cee.CenterInbox.Processing;

/// <summary>
/// Every decision about one message of the Center's topic, on the processor's event arguments (built
/// in tests with <see cref="ServiceBusModelFactory"/> over a mocked receiver: no broker here):
/// <list type="number">
/// <item>read the body: not a routed document or a withdrawal of a version this inbox knows, or not for this Center → dead-letter with the reason and a description;</item>
/// <item>a withdrawal: record it with the document (<see cref="ICenterDocumentHandler.WithdrawAsync"/>; a failure → abandon), then complete. No receipt: the ledger already says Withdrawn, which is final;</item>
/// <item>keep the document (<see cref="ICenterDocumentHandler"/>); a failure → abandon;</item>
/// <item>acknowledge receipt through the API; a 5xx, timeout or missing role → abandon; 404 or 409 → dead-letter;</item>
/// <item>complete, only now: a crash before this leaves the message to come again, and the receipt is idempotent.</item>
/// </list>
/// One message at a time per session (the processor's <c>MaxConcurrentCallsPerSession</c> is 1), so an
/// entry's documents are kept and acknowledged in the order they were published; an abandoned
/// message comes back first, before the session's later ones.
/// </summary>
public sealed class InboxMessageHandler(string center, ICenterDocumentHandler documents, ICenterApi api, ILogger<InboxMessageHandler> logger)
{
    public async Task<InboxDisposition> HandleAsync(ProcessSessionMessageEventArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var message = args.Message;
        var read = RoutedDocumentReader.Read(message.Body?.ToString());
        if (read.Withdrawal is { } withdrawal)
        {
            return await WithdrawAsync(args, withdrawal);
        }

        if (read.Message is not { } document)
        {
            return await DeadLetterAsync(args, read.Reason!, read.Description!);
        }

        if (!string.Equals(document.Center, center, StringComparison.Ordinal))
        {
            return await DeadLetterAsync(args, DeadLetterReasons.WrongCenter,
                $"Document {document.DocumentId} is routed to {document.Center}; this is {center}'s inbox.");
        }

        try
        {
            await documents.HandleAsync(document, message.SessionId, args.CancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Message {MessageId}: keeping document {DocumentId} failed; abandoned for redelivery", message.MessageId, document.DocumentId);
            return await AbandonAsync(args);
        }

        var receipt = await api.AcknowledgeAsync(document.DocumentId, args.CancellationToken);
        switch (receipt.Outcome)
        {
            case ReceiptOutcome.Acknowledged:
                await args.CompleteMessageAsync(message, args.CancellationToken);
                logger.LogInformation("Message {MessageId} of session {SessionId}: document {DocumentId} kept and acknowledged", message.MessageId, message.SessionId, document.DocumentId);
                return InboxDisposition.Completed;
            case ReceiptOutcome.NotHeld:
                return await DeadLetterAsync(args, DeadLetterReasons.NotHeld, $"The API holds no document {document.DocumentId} for {center}: {receipt.Detail}");
            case ReceiptOutcome.Refused:
                return await DeadLetterAsync(args, DeadLetterReasons.ReceiptRefused, $"The API refused the receipt of {document.DocumentId}: {receipt.Detail}");
            case ReceiptOutcome.NotAuthorized:
                logger.LogError("Message {MessageId}: the API refused this inbox's identity ({Detail}); it needs the app role of {Center}. Abandoned.", message.MessageId, receipt.Detail, center);
                return await AbandonAsync(args);
            default:
                logger.LogWarning("Message {MessageId}: receipt of {DocumentId} failed transiently ({Detail}); abandoned, delivery {DeliveryCount}", message.MessageId, document.DocumentId, receipt.Detail, message.DeliveryCount);
                return await AbandonAsync(args);
        }
    }

    private async Task<InboxDisposition> WithdrawAsync(ProcessSessionMessageEventArgs args, WithdrawalMessage withdrawal)
    {
        var message = args.Message;
        if (!string.Equals(withdrawal.Center, center, StringComparison.Ordinal))
        {
            return await DeadLetterAsync(args, DeadLetterReasons.WrongCenter,
                $"The withdrawal of {withdrawal.DocumentId} is for {withdrawal.Center}; this is {center}'s inbox.");
        }

        try
        {
            await documents.WithdrawAsync(withdrawal, message.SessionId, args.CancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Message {MessageId}: recording the withdrawal of {DocumentId} failed; abandoned for redelivery", message.MessageId, withdrawal.DocumentId);
            return await AbandonAsync(args);
        }

        await args.CompleteMessageAsync(message, args.CancellationToken);
        logger.LogInformation("Message {MessageId} of session {SessionId}: document {DocumentId} withdrawn by its filer; recorded", message.MessageId, message.SessionId, withdrawal.DocumentId);
        return InboxDisposition.Completed;
    }

    private static async Task<InboxDisposition> AbandonAsync(ProcessSessionMessageEventArgs args)
    {
        await args.AbandonMessageAsync(args.Message, cancellationToken: args.CancellationToken);
        return InboxDisposition.Abandoned;
    }

    private async Task<InboxDisposition> DeadLetterAsync(ProcessSessionMessageEventArgs args, string reason, string description)
    {
        logger.LogWarning("Message {MessageId} of session {SessionId} dead-lettered: {Reason}: {Description}", args.Message.MessageId, args.Message.SessionId, reason, description);
        await args.DeadLetterMessageAsync(args.Message, reason, description, args.CancellationToken);
        return InboxDisposition.DeadLettered;
    }
}
