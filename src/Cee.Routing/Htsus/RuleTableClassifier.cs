using Cee.Routing.Intake;
using Cee.Routing.Ports;

namespace Cee.Routing.Htsus;

/// <summary>The classifier port over an in-memory rules table (the embedded one, or with an override).</summary>
public sealed class RuleTableClassifier(HtsRuleTable table) : IHtsClassifier
{
    public Task<HtsLinesVerdict> ClassifyAsync(IReadOnlyList<CommodityLine> lines, CancellationToken cancellationToken) =>
        Task.FromResult(HtsLinesVerdict.Classify(table, lines));
}
