using Cee.Routing.Accounts;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Policy;
using Cee.Routing.Review;
using Cee.Routing.Tests.Support;
using Cee.Routing.Workflow;
using Moq;
using TestDrops = Cee.Routing.Tests.Support.Drops;

namespace Cee.Routing.Tests.Review;

/// <summary>
/// The triage console's list, built from what the real workflow leaves in the ledger: the same
/// facts, reasons, tally and deadline the review request on the triage topic carries.
/// </summary>
public class ReviewWorklistTests
{
    private static readonly DropReference Tie = TestDrops.Reference("port-drops/2704/entry-0026110316.xml");

    [Fact]
    public async Task Build_TieSentToAPerson_ItemCarriesTheRequestsFactsTallyAndDeadline()
    {
        var harness = Waiting(new RoutingWorkflowOptions(), TestDrops.Package(Tie, lines: TestDrops.TiedLines, importers: [TestDrops.SoleProprietor]));

        await harness.RunAsync(Tie);

        var request = ContractJson.Deserialize<ReviewRequestMessage>(Assert.Single(harness.PublishedOn("cee-triage")).Body);
        var item = Assert.Single(ReviewWorklist.Build(harness.Ledger.Records.Values, harness.Options));
        Assert.Equal(Tie.DropId, item.ReviewId);
        Assert.Equal(("2704", "Los Angeles"), (item.Port, item.PortName));
        Assert.Equal([TestDrops.Entry], item.Entries);
        Assert.Equal("***-**-1120", item.Importer);
        Assert.Equal(request.Reasons, item.Reasons);
        Assert.Equal([("CEE001", "Pharmaceuticals, Health & Chemicals", 1), ("CEE007", "Electronics", 1)], item.Candidates.Select(c => (c.Center, c.Name, c.Lines)));
        Assert.Equal((request.RequestedAt, request.Deadline), (item.RequestedAt, item.Deadline!.Value));
        Assert.Equal(0, item.Escalation);
        Assert.Equal([$"{Tie.DropId}-001", $"{Tie.DropId}-002"], item.Documents.Select(d => d.DocumentId));
        Assert.All(item.Documents, d => Assert.Equal(("pdf", true), (d.Type, d.Stored)));
    }

    [Fact]
    public async Task Build_OneEscalationOfThree_DeadlineIsTheEscalationsNextDeadline()
    {
        var harness = Waiting(new RoutingWorkflowOptions { ReviewTimeout = TimeSpan.FromHours(8), MaxEscalations = 3 }, TestDrops.Package(Tie, lines: TestDrops.TiedLines),
            ReviewWaitResult.DeadlinePassed);

        await harness.RunAsync(Tie);

        var escalation = ContractJson.Deserialize<ReviewEscalationMessage>(harness.PublishedOn("cee-triage")[1].Body);
        var item = Assert.Single(ReviewWorklist.Build(harness.Ledger.Records.Values, harness.Options));
        Assert.Equal(1, item.Escalation);
        Assert.Equal(escalation.NextDeadline, item.Deadline);
        Assert.Contains(RoutingFlags.Escalated, item.Flags);
    }

    [Fact]
    public async Task Build_LastEscalationPassed_WaitsWithoutADeadline()
    {
        var harness = Waiting(new RoutingWorkflowOptions { ReviewTimeout = TimeSpan.FromHours(8), MaxEscalations = 2 }, TestDrops.Package(Tie, lines: TestDrops.TiedLines),
            ReviewWaitResult.DeadlinePassed, ReviewWaitResult.DeadlinePassed);

        await harness.RunAsync(Tie);

        var item = Assert.Single(ReviewWorklist.Build(harness.Ledger.Records.Values, harness.Options));
        Assert.Equal(2, item.Escalation);
        Assert.Null(item.Deadline);
    }

    [Fact]
    public async Task Build_RoutedAndWaitingDrops_ListsOnlyTheWaitingOnesOldestFirst()
    {
        var later = TestDrops.Reference("port-drops/2704/entry-0026110317.xml");
        var routed = TestDrops.Reference("port-drops/2704/laptops.xml");
        var harness = Waiting(new RoutingWorkflowOptions(), TestDrops.Package(Tie, lines: TestDrops.TiedLines, importers: [TestDrops.Steel]))
            .WithDrop(TestDrops.Package(later, lines: TestDrops.TiedLines, entries: [TestDrops.SecondEntry], importers: [TestDrops.Steel], contentSha256: new string('b', 64)))
            .WithDrop(TestDrops.Package(routed, contentSha256: new string('c', 64)))
            .WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");

        await harness.RunAsync(routed);
        await harness.RunAsync(later);
        await harness.RunAsync(Tie);

        var items = ReviewWorklist.Build(harness.Ledger.Records.Values, harness.Options);
        Assert.Equal([later.DropId, Tie.DropId], items.Select(i => i.ReviewId));
        Assert.True(items[0].RequestedAt < items[1].RequestedAt);
        Assert.Equal(LedgerState.Routed, harness.Ledger.Records[$"{routed.DropId}-001"].State);
    }

    // The workflow over a drop that needs a person, whose reviewer answers with the given waits, then is not there.
    private static WorkflowHarness Waiting(RoutingWorkflowOptions options, IntakeResult intake, params ReviewWaitResult[] waits)
    {
        var harness = new WorkflowHarness { Options = options }.WithDrop(intake);
        var sequence = harness.Review.SetupSequence(r => r.WaitForDecisionAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()));
        foreach (var wait in waits)
        {
            sequence = sequence.ReturnsAsync(wait);
        }

        sequence.ReturnsAsync(ReviewWaitResult.NoReviewer).ReturnsAsync(ReviewWaitResult.NoReviewer).ReturnsAsync(ReviewWaitResult.NoReviewer);
        return harness;
    }
}
