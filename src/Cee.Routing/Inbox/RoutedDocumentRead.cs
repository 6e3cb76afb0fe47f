using Cee.Routing.Messages;

namespace Cee.Routing.Inbox;

/// <summary>
/// A Center's message as its consumer read it: one of the two contracts a Center's topic carries
/// (a routed document, or the withdrawal of one it holds), or why it cannot be used (a short reason
/// code, e.g. for a dead-letter reason, and a sentence). Exactly one of the three is set.
/// </summary>
public sealed record RoutedDocumentRead(RoutedDocumentMessage? Message, WithdrawalMessage? Withdrawal, string? Reason, string? Description)
{
    /// <summary>The body is JSON but not an object of the routed-document (or withdrawal) shape.</summary>
    public const string MalformedBody = "malformed-body";

    /// <summary>The body is another contract (e.g. a review request on the wrong subscription).</summary>
    public const string UnsupportedSchema = "unsupported-schema";

    /// <summary>A routed-document or withdrawal version this consumer does not know (a breaking change it was not built for).</summary>
    public const string UnsupportedSchemaVersion = "unsupported-schema-version";

    /// <summary>A routed document or a withdrawal: something the Center acts on.</summary>
    public bool IsReadable => Message is not null || Withdrawal is not null;

    /// <summary>The document the message is about: the routed one, or the one withdrawn; null when unreadable.</summary>
    public string? DocumentId => Message?.DocumentId ?? Withdrawal?.DocumentId;

    public static RoutedDocumentRead Readable(RoutedDocumentMessage message) => new(message, null, null, null);

    public static RoutedDocumentRead Withdrawn(WithdrawalMessage withdrawal) => new(null, withdrawal, null, null);

    public static RoutedDocumentRead Unreadable(string reason, string description) => new(null, null, reason, description);
}
