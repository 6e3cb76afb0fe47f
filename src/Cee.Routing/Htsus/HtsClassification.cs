using Cee.Routing.Centers;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Htsus;

/// <summary>The Center of one HTSUS number and the rule that decided it.</summary>
public readonly record struct HtsClassification(HtsNumber Hts, HtsClassificationOutcome Outcome, HtsRule? Rule)
{
    /// <summary>The Center, or null when no rule applies.</summary>
    public Center? Center => Rule?.Center;

    /// <summary>A sentence for a number that has no Center, or null when it has one.</summary>
    public string? Explanation => Outcome switch
    {
        HtsClassificationOutcome.Matched => null,
        HtsClassificationOutcome.SpecialProvision =>
            $"chapter {Hts.Chapter} is a special provision reported beside a chapter 01-97 number; classify that number",
        _ => $"no rule in the table covers {Hts}",
    };
}
