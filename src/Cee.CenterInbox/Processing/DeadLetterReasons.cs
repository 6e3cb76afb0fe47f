using Cee.Routing.Inbox;

namespace Cee.CenterInbox.Processing;

/// <summary>The dead-letter reasons the inbox writes (the <c>DeadLetterReason</c> property), beside the body's own (<see cref="RoutedDocumentRead"/>).</summary>
public static class DeadLetterReasons
{
    /// <summary>A readable routed document for another Center: a subscription filter or a deployment is wrong.</summary>
    public const string WrongCenter = "wrong-center";

    /// <summary>The API says this Center holds no such document (it was transferred away, or never was this Center's).</summary>
    public const string NotHeld = "document-not-held";

    /// <summary>The API refuses the receipt for good (400, 409).</summary>
    public const string ReceiptRefused = "receipt-refused";
}
