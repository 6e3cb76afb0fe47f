namespace Cee.CenterInbox.Api;

/// <summary>The CeeFunctions API as a Center's inbox uses it: acknowledging receipt of a document.</summary>
public interface ICenterApi
{
    /// <summary><c>POST api/documents/{documentId}/receipt</c> as this inbox's identity. Never throws for an HTTP or network failure: it says which kind it was.</summary>
    Task<ReceiptResult> AcknowledgeAsync(string documentId, CancellationToken cancellationToken);
}
