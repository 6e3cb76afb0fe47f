namespace Cee.Routing.Inbox;

/// <summary>What a Center's receipt or transfer did; each host maps it to its answer (HTTP status, exit code).</summary>
public enum CenterActionOutcome
{
    /// <summary>The receipt was recorded: the document is <c>Delivered</c> to the caller's Center.</summary>
    Delivered,

    /// <summary>The caller's Center had already acknowledged it: nothing written (a repeated receipt is not an error).</summary>
    AlreadyDelivered,

    /// <summary>The transfer was recorded and the document published on the new Center's topic (or, for a repeat, published again under the same message id).</summary>
    Transferred,

    /// <summary>The document was transferred too often: it went to a person on the triage topic instead.</summary>
    SentToReview,

    /// <summary>A reviewer's decision on a document transferred too often was recorded and the document published on the chosen Center's topic (or, for a repeat, published again under the same message id).</summary>
    Decided,

    /// <summary>The caller's Centers hold no such document (it does not exist, or it is another Center's: ids are not confirmed).</summary>
    NotFound,

    /// <summary>The document is the caller's Center's but its state allows no such step (e.g. withdrawn, or with a person).</summary>
    Conflict,

    /// <summary>The request itself is wrong (an unknown Center, the same Center, no reason): nothing read or written.</summary>
    Invalid,
}
