using Cee.Routing.Messages;

namespace Cee.CenterInbox.Documents;

/// <summary>
/// What a Center does with a document it takes: the port a Center replaces with its own (a case
/// system, a work queue). It runs before the receipt, so a receipt always means the Center has the
/// document. It must be idempotent: a message can be delivered again (after an abandon, or a crash
/// before the completion), and the same document then comes again.
/// </summary>
public interface ICenterDocumentHandler
{
    /// <summary>Keeps <paramref name="document"/>, which arrived in session <paramref name="sessionId"/>. An exception abandons the message for redelivery.</summary>
    Task HandleAsync(RoutedDocumentMessage document, string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// The filer withdrew the document <paramref name="withdrawal"/> names (it came in session
    /// <paramref name="sessionId"/>, after the document's own message): record it beside the document
    /// (a Center stops working on it). Idempotent like <see cref="HandleAsync"/>; an exception abandons the message.
    /// </summary>
    Task WithdrawAsync(WithdrawalMessage withdrawal, string sessionId, CancellationToken cancellationToken);
}
