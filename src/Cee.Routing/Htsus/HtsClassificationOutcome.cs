namespace Cee.Routing.Htsus;

/// <summary>What classifying one HTSUS number found.</summary>
public enum HtsClassificationOutcome
{
    /// <summary>A rule matched; the classification names the Center.</summary>
    Matched,

    /// <summary>Chapter 98 or 99: a special provision that routes on the chapter 01–97 number beside it.</summary>
    SpecialProvision,

    /// <summary>No rule covers the number (only possible with a table that does not cover every chapter).</summary>
    NoRule,
}
