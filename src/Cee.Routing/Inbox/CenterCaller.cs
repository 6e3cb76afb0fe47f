using Cee.Routing.Ledger;

namespace Cee.Routing.Inbox;

/// <summary>
/// Who is acting for a Center: the Centers whose identity the caller holds (in Azure, the
/// <c>Cee.Center.CEE00n</c> app roles of the token; for <c>cee inbox</c>, its <c>--center</c>) and
/// the principal the ledger records.
/// </summary>
public sealed record CenterCaller(IReadOnlySet<string> Centers, LedgerActor Actor)
{
    /// <summary>A caller acting for one Center.</summary>
    public static CenterCaller For(string center, LedgerActor actor) =>
        new(new HashSet<string>([center], StringComparer.Ordinal), actor);

    public bool ActsFor(string? center) => center is not null && Centers.Contains(center);
}
