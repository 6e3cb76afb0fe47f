using Cee.Routing.Messages;

namespace Cee.Routing.Inbox;

/// <summary>
/// A Center's message as its consumer read it: the routed document, or why it cannot be used (a
/// short reason code, e.g. for a dead-letter reason, and a sentence).
/// </summary>
public sealed record RoutedDocumentRead(RoutedDocumentMessage? Message, string? Reason, string? Description)
{
    /// <summary>The body is JSON but not an object of the routed-document shape.</summary>
    public const string MalformedBody = "malformed-body";

    /// <summary>The body is another contract (e.g. a review request on the wrong subscription).</summary>
    public const string UnsupportedSchema = "unsupported-schema";

    /// <summary>A routed-document version this consumer does not know (a breaking change it was not built for).</summary>
    public const string UnsupportedSchemaVersion = "unsupported-schema-version";

    public bool IsReadable => Message is not null;

    public static RoutedDocumentRead Readable(RoutedDocumentMessage message) => new(message, null, null);

    public static RoutedDocumentRead Unreadable(string reason, string description) => new(null, reason, description);
}
