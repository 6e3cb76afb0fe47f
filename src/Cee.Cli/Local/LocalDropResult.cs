using Cee.Routing.Drops;
using Cee.Routing.Workflow;

namespace Cee.Cli.Local;

/// <summary>What routing one drop of the folder gave: its outcome, or the failure that stopped it.</summary>
public sealed record LocalDropResult(DropReference Drop, RoutingOutcome? Outcome, string? Failure);
