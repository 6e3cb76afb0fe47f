namespace Cee.Routing.Policy;

/// <summary>Flags a decision can carry; Centers and reviewers filter and report on them.</summary>
public static class RoutingFlags
{
    /// <summary>The importer's account is NOTELG: routed by HTSUS.</summary>
    public const string AccountNotEligible = "account-not-eligible";

    /// <summary>The importer's account is PNDING: routed by HTSUS.</summary>
    public const string AccountPending = "account-pending";

    /// <summary>No account is known for the importer.</summary>
    public const string AccountUnknown = "account-unknown";

    /// <summary>The drop names more than one importer of record.</summary>
    public const string ConflictingImporters = "conflicting-importers";

    /// <summary>A CF-28/CF-29 response whose request's issuing Center is not known.</summary>
    public const string RequestIssuerUnknown = "request-issuer-unknown";

    /// <summary>Routed by the opt-in best-HTSUS-guess fallback after the review deadline.</summary>
    public const string BestGuess = "best-guess";

    /// <summary>The review deadline passed and the review was escalated.</summary>
    public const string Escalated = "review-escalated";

    /// <summary>Prefix for trusted-trader programmes, e.g. <c>trusted-trader:C-TPAT</c>.</summary>
    public const string TrustedTraderPrefix = "trusted-trader:";

    /// <summary>On a transfer's decision: <c>transferred-from:CEE007</c>, one per transfer, oldest first.</summary>
    public const string TransferredFromPrefix = "transferred-from:";
}
