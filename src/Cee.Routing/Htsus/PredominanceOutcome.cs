namespace Cee.Routing.Htsus;

/// <summary>Whether a set of lines has one predominant Center.</summary>
public enum PredominanceOutcome
{
    /// <summary>One Center has more lines than any other.</summary>
    Predominant,

    /// <summary>Two or more Centers share the highest count: a person decides.</summary>
    Tie,

    /// <summary>No line could be classified (none given, or all chapter 98/99).</summary>
    NoClassifiableLines,
}
