using Cee.Functions.Harness.Engine;
using Cee.Functions.Orchestration;

namespace Cee.Functions.Tests.Engine;

/// <summary>
/// What one routed drop costs the engine, counted where the engine does it: the activity executions
/// and orchestrator episodes the cost model (docs/cost.md) multiplies. A change of the workflow that
/// adds or removes a step changes these numbers, and this test says so.
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class EngineCountTests
{
    [Fact]
    public async Task RouteDrop_TwoDocumentsRoutedByAccount_RunsFifteenActivitiesInAboutAsManyEpisodes()
    {
        await using var harness = await EngineHarness.StartAsync();

        var dropId = await EngineSamples.RouteAsync(harness, "2704/entry-summary-electronics.xml");
        await harness.WaitForCompletionAsync(dropId, EngineTimeouts.Settle);

        var executions = harness.Counters.AttemptsOf(dropId).GroupBy(a => a.Activity).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int>
            {
                [ActivityNames.OpenAndStoreDrop] = 1,
                [ActivityNames.GetLedgerRecord] = 2,
                [ActivityNames.RecordTransition] = 6,
                [ActivityNames.ClaimContent] = 1,
                [ActivityNames.FindImporterAccount] = 1,
                [ActivityNames.ClassifyLines] = 1,
                [ActivityNames.PublishMessage] = 2,
                // The port's answer, once, after the last ledger step (ADR 12).
                [ActivityNames.WritePortResponse] = 1,
            },
            executions);
        Assert.All(harness.Counters.AttemptsOf(dropId), a => Assert.Null(a.Failure));
        // One episode to start, then one per batch of activity results (the fan-outs complete together or one by one).
        var episodes = harness.Counters.Episodes(dropId);
        Assert.InRange(episodes, 7, 16);
        Assert.Equal(episodes - 1, harness.Counters.Replays(dropId));
    }
}
