using Cee.Functions.Orchestration;
using Cee.Functions.Tests.Support;
using Cee.Routing.Accounts;
using Cee.Routing.Drops;
using Cee.Routing.Htsus;
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
        var ledger = new Dictionary<string, LedgerRecord>(StringComparer.Ordinal);
        var calls = context.RecordActivities<IntakeResult>((_, _) => Package());
        context.RecordActivities<LedgerRecord?>((name, input) => name == ActivityNames.RecordTransition
            ? Apply(ledger, (LedgerTransition)input!)
            : input is LedgerRecordQuery query && ledger.TryGetValue(query.RecordId, out var record) ? record : null, calls);
        // The content is unclaimed: the activity stores and returns this drop's claim.
        context.RecordActivities<ContentClaim>((_, input) => (ContentClaim)input!, calls);
        context.RecordActivities<ImporterAccount>((_, _) => new ImporterAccount(Importer.LookupKey, Importer.Masked, AccountStatus.Assigned, "CEE005", []), calls);
        context.RecordActivities<HtsLinesVerdict>((_, input) => HtsLinesVerdict.Classify(HtsRuleTable.Embedded, ((ClassifyLinesRequest)input!).Lines), calls);
        context.RecordActivities<string>((_, input) => ((TopicMessage)input!).Properties.MessageId, calls);

        var outcome = await RouteDropOrchestrator.RunAsync(context.Object);

        Assert.Equal(Drop.DropId, outcome.DropId);
        Assert.All(outcome.Documents, d =>
        {
            Assert.Equal(LedgerState.Routed, d.State);
            Assert.Equal("CEE005", d.Center);
        });
        var published = calls.Where(c => c.Name == ActivityNames.PublishMessage).Select(c => (TopicMessage)c.Input!).ToList();
        Assert.Equal(["cee005", "cee005"], published.Select(m => m.Topic));
        Assert.Equal([$"{Drop.DropId}-001", $"{Drop.DropId}-002"], published.Select(m => m.Properties.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(ActivityNames.OpenAndStoreDrop, calls[0].Name);
        Assert.All(calls, c => Assert.Same(DurableRoutingPorts.Retry, c.Options));
        Assert.All(ledger.Values, r => Assert.Equal(["received", "validated", "routed"], r.History.Select(h => h.Step)));
    }

    [Fact]
    public async Task RunAsync_NoInput_Throws()
    {
        var context = Orchestrations.Context();

        await Assert.ThrowsAsync<InvalidOperationException>(() => RouteDropOrchestrator.RunAsync(context.Object));
    }

    private static LedgerRecord Apply(Dictionary<string, LedgerRecord> ledger, LedgerTransition transition)
    {
        lock (ledger)
        {
            ledger.TryGetValue(transition.RecordId, out var current);
            var record = LedgerRecord.ApplyOrCreate(current, transition).Record;
            ledger[transition.RecordId] = record;
            return record;
        }
    }

    private static IntakeResult Package() => new(
        Drop.DropId, Drop.Source, DropKind.Dis, "9f2c4b0e8d1a7c3f5e6b9a2d4c8e1f0a3b5d7c9e2f4a6b8d0c1e3f5a7b9d2c4e", IntakeVerdict.Accept, [],
        "2704", "002", ["002-6110316-2"], [Importer], null,
        [Document(1), Document(2)],
        [new CommodityLine("8471300100", 1), new CommodityLine("8703230190", 2)]);

    private static IntakeDocument Document(int ordinal)
    {
        var id = DropIds.DocumentId(Drop.DropId, ordinal);
        return new IntakeDocument(id, $"DOC-{ordinal}", "Commercial Invoice", DocumentKind.EntrySummary, $"document-{ordinal}.pdf", "pdf", "pdf", 1000 + ordinal, "ab", $"documents/{id}");
    }
}
