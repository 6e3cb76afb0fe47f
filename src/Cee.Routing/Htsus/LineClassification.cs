namespace Cee.Routing.Htsus;

/// <summary>One line's classification and whether it counted toward the predominant Center.</summary>
/// <param name="Line">The line as given.</param>
/// <param name="Classification">Its Center and rule, or why it has none.</param>
/// <param name="Counted">False for chapter 98/99 lines and for a second number on an already counted line.</param>
public sealed record LineClassification(HtsLine Line, HtsClassification Classification, bool Counted);
