namespace Cee.Cli.Local.Output;

/// <summary>What a write into the output folder is for: the steps a fault can be injected at.</summary>
public enum OutputWriteKind
{
    /// <summary>A decoded document under <c>documents/</c>.</summary>
    Document,

    /// <summary>A rejected drop's copy under <c>quarantine/</c> (and its manifest's).</summary>
    QuarantineCopy,

    /// <summary>A rejected drop's <c>.reasons.json</c>.</summary>
    QuarantineReasons,

    /// <summary>A message under <c>topics/</c>.</summary>
    TopicMessage,

    /// <summary>A content claim committed to the ledger.</summary>
    LedgerClaim,

    /// <summary>A transition (and its record) committed to the ledger.</summary>
    LedgerTransition,

    /// <summary>An answer to the port under <c>responses/</c>.</summary>
    PortResponse,

    /// <summary><c>route-settings.json</c>: what a <c>cee route</c> read, for <c>cee review serve</c>.</summary>
    RouteSettings,
}
