using Cee.Functions.Orchestration;
using Cee.Functions.Tests.Support;
using Cee.Routing.Accounts;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Workflow;

namespace Cee.Functions.Tests.Orchestration;

/// <summary>The orchestrator runs the core workflow over activities: a whole routing with every activity answered in memory.</summary>
public class RouteDropOrchestratorTests
{
    private static readonly DropReference Drop = Durable.Drop();
    private static readonly ImporterRef Importer = new("12-345678900", "12345678900", "ein");

    [Fact]
    public async Task RunAsync_AssignedImporter_RoutesThroughActivitiesAndReturnsTheOutcome()
    {
        var context = Orchestrations.Context(Drop.DropId);
        context.Setup(c => c.GetInput<RouteDropInput>()).Returns(new RouteDropInput(Drop, new RoutingWorkflowOptions()));
        var routing = InMemoryRouting.Answer(context, InMemoryRouting.DisPackage(Drop, Importer, new CommodityLine("8471300100", 1), new CommodityLine("8703230190", 2)),
            new ImporterAccount(Importer.LookupKey, Importer.Masked, AccountStatus.Assigned, "CEE005", []));

        var outcome = await RouteDropOrchestrator.RunAsync(context.Object);

        Assert.Equal(Drop.DropId, outcome.DropId);
        Assert.All(outcome.Documents, d =>
        {
            Assert.Equal(LedgerState.Routed, d.State);
            Assert.Equal("CEE005", d.Center);
        });
        var calls = routing.Calls;
        var published = calls.Where(c => c.Name == ActivityNames.PublishMessage).Select(c => (TopicMessage)c.Input!).ToList();
        Assert.Equal(["cee005", "cee005"], published.Select(m => m.Topic));
        Assert.Equal([$"{Drop.DropId}-001", $"{Drop.DropId}-002"], published.Select(m => m.Properties.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(ActivityNames.OpenAndStoreDrop, calls[0].Name);
        Assert.All(calls, c => Assert.Same(DurableRoutingPorts.Retry, c.Options));
        Assert.All(routing.Ledger.Values, r => Assert.Equal(["received", "validated", "routed"], r.History.Select(h => h.Step)));
        // The port's answer goes through its own activity, after the last ledger step it reports.
        var answer = Assert.Single(routing.Responses);
        Assert.Equal(("CEE-MVR-" + Drop.DropId, PortResponse.ValidationKind), (answer.MessageId, answer.Kind));
        Assert.Equal(ActivityNames.WritePortResponse, calls[^1].Name);
    }

    [Fact]
    public async Task RunAsync_NoInput_Throws()
    {
        var context = Orchestrations.Context();

        await Assert.ThrowsAsync<InvalidOperationException>(() => RouteDropOrchestrator.RunAsync(context.Object));
    }
}
