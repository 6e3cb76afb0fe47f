using Cee.Routing.Identifiers;

namespace Cee.Routing.Htsus;

/// <summary>
/// Classifies loose HTSUS numbers against a rules table without routing anything: the answer to
/// "which Center will process this?" that <c>cee classify</c> and the HTTP API give.
/// </summary>
public static class HtsDryRun
{
    /// <summary>Classifies each input in order; never throws for bad input.</summary>
    public static IReadOnlyList<HtsDryRunResult> Classify(IEnumerable<string> inputs, HtsRuleTable table)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(table);
        return [.. inputs.Select(input => ClassifyOne(input, table))];
    }

    private static HtsDryRunResult ClassifyOne(string input, HtsRuleTable table)
    {
        if (!HtsNumber.TryParse(input, out var hts, out var error))
        {
            return new HtsDryRunResult(input, false, null, null, null, null, null, HtsNumber.Describe(error));
        }

        var classification = table.Classify(hts);
        var rule = classification.Rule;
        return new HtsDryRunResult(
            input,
            true,
            hts.ToString(),
            rule?.Center.Id,
            rule?.Center.Name,
            rule?.Key,
            rule is null ? null : ProvenanceName(rule.Provenance),
            classification.Explanation);
    }

    private static string ProvenanceName(RuleProvenance provenance) =>
        provenance == RuleProvenance.Official ? "official" : "inferred";
}
