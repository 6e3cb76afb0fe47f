using System.Globalization;
using System.Text;
using Cee.Functions.Harness.Engine;
using Cee.Functions.Harness.Proxy;

namespace Cee.Benchmarks;

/// <summary>What one engine run did per drop: orchestrator episodes and replays, activity executions by activity, Blob and Cosmos calls by operation.</summary>
internal sealed record EngineCounts(
    int Drops,
    double EpisodesPerDrop,
    double ReplaysPerDrop,
    IReadOnlyDictionary<string, double> ActivitiesPerDrop,
    IReadOnlyDictionary<string, double> BlobCallsPerDrop,
    IReadOnlyDictionary<string, double> CosmosCallsPerDrop,
    int PublishedMessages)
{
    public static EngineCounts Of(EngineHarness harness, IReadOnlyCollection<string> dropIds)
    {
        ArgumentNullException.ThrowIfNull(harness);
        double drops = Math.Max(1, dropIds.Count);
        var attempts = harness.Counters.Attempts;
        return new EngineCounts(
            dropIds.Count,
            dropIds.Sum(harness.Counters.Episodes) / drops,
            dropIds.Sum(harness.Counters.Replays) / drops,
            attempts.GroupBy(a => a.Activity).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count() / drops),
            PerDrop(harness.BlobProxy.Requests, drops),
            PerDrop(harness.CosmosProxy.Requests, drops),
            harness.Messages.Published.Count);
    }

    public double ActivityExecutionsPerDrop => ActivitiesPerDrop.Values.Sum();

    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"ENGINE COUNTS: {Drops} drops; per drop: {EpisodesPerDrop:F2} orchestrator episodes ({ReplaysPerDrop:F2} replays), {ActivityExecutionsPerDrop:F2} activity executions, {BlobCallsPerDrop.Values.Sum():F2} Blob calls, {CosmosCallsPerDrop.Values.Sum():F2} Cosmos calls; {PublishedMessages} messages published"));
        Append(text, "activities", ActivitiesPerDrop);
        Append(text, "blob", BlobCallsPerDrop);
        Append(text, "cosmos", CosmosCallsPerDrop);
        return text.ToString();
    }

    private static Dictionary<string, double> PerDrop(IReadOnlyList<ProxiedRequest> requests, double drops) =>
        requests.GroupBy(r => $"{r.Method} {r.Resource}").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count() / drops);

    private static void Append(StringBuilder text, string what, IReadOnlyDictionary<string, double> counts) =>
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:F2}"))}"));
}
