using Cee.Routing.Intake;
using Cee.Routing.Ledger;

namespace Cee.Samples;

/// <summary>
/// One drop of the sample set and where <c>cee route</c> must put it: the README's table and the
/// end-to-end tests both read these expectations, so they cannot drift apart.
/// </summary>
/// <param name="Path">Relative to <c>samples/drops/</c>, e.g. <c>2704/entry-summary-electronics.xml</c>.</param>
/// <param name="Shows">What the drop demonstrates, in a sentence.</param>
/// <param name="Verdict">The intake verdict.</param>
/// <param name="State">The state every document of the drop ends its run in.</param>
/// <param name="Center">The Center it is routed to, or null.</param>
/// <param name="Finding">The finding code that decides the verdict or the state, when there is one.</param>
/// <param name="Withdraws">For a DocumentWithdrawal: the sample whose document it withdraws (routed before it, in path order).</param>
/// <param name="Withdrawn">The DIS DocumentIDs of this drop's documents that a later sample withdraws: in the ledger they end Withdrawn.</param>
public sealed record SampleDrop(
    string Path,
    string Shows,
    IntakeVerdict Verdict,
    LedgerState State,
    string? Center,
    string? Finding = null,
    string? Withdraws = null,
    IReadOnlyList<string>? Withdrawn = null)
{
    /// <summary>The state the ledger holds at the end for the document with DIS DocumentID <paramref name="sourceDocumentId"/> (null: none) of this drop.</summary>
    public LedgerState FinalStateOf(string? sourceDocumentId) =>
        sourceDocumentId is not null && Withdrawn?.Contains(sourceDocumentId, StringComparer.Ordinal) == true ? LedgerState.Withdrawn : State;
}
