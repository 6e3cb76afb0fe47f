using Cee.Routing.Ledger;

namespace Cee.Cli.Ledger;

/// <summary>Which records a ledger query returns; every criterion given must hold (null: any).</summary>
/// <param name="State">Records in this state.</param>
/// <param name="Center">Records routed to this Center (e.g. <c>CEE007</c>).</param>
/// <param name="Entry">Records of drops linked to this normalized entry number (<c>FFF-NNNNNNN-C</c>).</param>
/// <param name="Document">A document id, a DIS DocumentID, a record id or a drop id.</param>
public sealed record LedgerFilter(LedgerState? State = null, string? Center = null, string? Entry = null, string? Document = null)
{
    public static LedgerFilter All { get; } = new();
}
