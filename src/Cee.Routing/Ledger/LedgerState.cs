using System.Text.Json.Serialization;

namespace Cee.Routing.Ledger;

/// <summary>The states a document (or an unreadable drop) passes through.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LedgerState>))]
public enum LedgerState
{
    /// <summary>Read from the port's drop; nothing decided yet.</summary>
    Received,

    /// <summary>Failed the intake checks; kept in quarantine with the reasons. Terminal.</summary>
    Rejected,

    /// <summary>Passed the intake checks; its Center is being decided.</summary>
    Validated,

    /// <summary>Neither the account nor the HTSUS rules were conclusive: a person decides.</summary>
    AwaitingReview,

    /// <summary>Published on its Center's topic. Terminal.</summary>
    Routed,

    /// <summary>The same content (SHA-256 of the drop) was already routed from another drop; not published again. Terminal.</summary>
    Duplicate,
}
