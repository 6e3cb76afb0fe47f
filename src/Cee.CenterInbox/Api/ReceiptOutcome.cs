namespace Cee.CenterInbox.Api;

/// <summary>What the API answered to a receipt, as the inbox acts on it.</summary>
public enum ReceiptOutcome
{
    /// <summary>200: recorded (or recorded before): the message may be completed.</summary>
    Acknowledged,

    /// <summary>5xx, 408, 429, a timeout or no connection: try again later (abandon the message).</summary>
    Transient,

    /// <summary>401 or 403: this inbox's identity is not signed in or lacks its Center's role; a configuration to fix, not the message's fault.</summary>
    NotAuthorized,

    /// <summary>404: the ledger holds no such document for this Center (transferred away, or not this Center's).</summary>
    NotHeld,

    /// <summary>400 or 409: the API refuses this receipt for good (the document's state takes none).</summary>
    Refused,
}
