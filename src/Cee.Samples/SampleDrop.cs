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
/// <param name="State">The state every document of the drop ends in.</param>
/// <param name="Center">The Center it is routed to, or null.</param>
/// <param name="Finding">The finding code that decides the verdict or the state, when there is one.</param>
public sealed record SampleDrop(string Path, string Shows, IntakeVerdict Verdict, LedgerState State, string? Center, string? Finding = null);
