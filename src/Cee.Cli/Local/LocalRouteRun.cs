namespace Cee.Cli.Local;

/// <summary>What one <c>cee route</c> run over a folder did.</summary>
/// <param name="Results">Each drop that was routed to its end or failed to be read, in path order.</param>
/// <param name="NotRouted">Drops this run did not finish because it stopped; the next run goes on with them.</param>
/// <param name="StopReason">Why the run stopped early (writing the output folder failed), or null when it did not.</param>
public sealed record LocalRouteRun(IReadOnlyList<LocalDropResult> Results, int NotRouted, string? StopReason);
