namespace Cee.Routing.Htsus;

/// <summary>Where an HTSUS-to-Center rule comes from.</summary>
public enum RuleProvenance
{
    /// <summary>Stated by a CBP notice or the Federal Register; the rule names it.</summary>
    Official,

    /// <summary>A working assumption drawn from a Center's industry description; the rule says why.</summary>
    Inferred,
}
