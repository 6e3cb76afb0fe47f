using System.Text.Json.Serialization;

namespace Cee.Routing.Ledger;

/// <summary>
/// The states a document (or an unreadable drop) passes through: first the routing workflow's
/// (Received to Routed), then the Center's (Delivered, Transferred) and the filer's (Withdrawn), and
/// the two ways a run can end without deciding (Failed, Superseded). <see cref="LedgerStates"/> holds
/// which may follow which. Members are only ever added, at the end: the name is the stored value.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<LedgerState>))]
public enum LedgerState
{
    /// <summary>Read from the port's drop; nothing decided yet.</summary>
    Received,

    /// <summary>Failed the intake checks; kept in quarantine with the reasons. Final.</summary>
    Rejected,

    /// <summary>Passed the intake checks; its Center is being decided.</summary>
    Validated,

    /// <summary>Neither the account nor the HTSUS rules were conclusive (or a document was transferred too often): a person decides.</summary>
    AwaitingReview,

    /// <summary>Published on its Center's topic; the routing workflow is done with it.</summary>
    Routed,

    /// <summary>The same content (SHA-256 of the drop) was already routed from another drop; not published again. Final.</summary>
    Duplicate,

    /// <summary>The Center holding it acknowledged receipt.</summary>
    Delivered,

    /// <summary>The Center holding it said it is not theirs; published on the new Center's topic, awaiting that Center's receipt.</summary>
    Transferred,

    /// <summary>The filer withdrew it with a DIS DocumentWithdrawal. Final.</summary>
    Withdrawn,

    /// <summary>A step exhausted its retries; the run ended without deciding. A re-drive resumes it where it stopped.</summary>
    Failed,

    /// <summary>A later run of the same source (a late manifest, new content at the same path) replaced this run before it routed. Final.</summary>
    Superseded,
}
