using Cee.Routing.Htsus;
using Cee.Routing.Intake;

namespace Cee.Routing.Ports;

/// <summary>
/// Classifies commodity lines with the deployment's HTSUS rules. A port, not a direct call, so a
/// Durable orchestration records the verdict once and a rules override deployed mid-flight cannot
/// change a decision on replay.
/// </summary>
public interface IHtsClassifier
{
    Task<HtsLinesVerdict> ClassifyAsync(IReadOnlyList<CommodityLine> lines, CancellationToken cancellationToken);
}
