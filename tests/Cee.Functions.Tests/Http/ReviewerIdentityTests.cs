using Cee.Functions.Http;
using Cee.Functions.Identity;
using Cee.Functions.Orchestration;
using Cee.Functions.Tests.Support;
using Cee.Routing.Accounts;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Ports;
using Cee.Routing.Policy;
using Cee.Routing.Review;
using Cee.Routing.Workflow;
using Microsoft.DurableTask.Client;
using Moq;

namespace Cee.Functions.Tests.Http;

/// <summary>
/// From the sign-in to the ledger: a signed-in reviewer decides through <c>POST reviews/{dropId}</c>,
/// the decision travels as the Durable external event (through the worker's serializer), the
/// orchestration routes on it, and the ledger record and the Center's message name that principal:
/// its object id and display name, never anything the client wrote.
/// </summary>
public class ReviewerIdentityTests
{
    private static readonly DropReference Drop = Durable.Drop();
    private static readonly ImporterRef Importer = new("12-345678900", "12345678900", "ein");

    [Fact]
    public async Task SubmitReview_SignedInReviewer_IsTheReviewerTheLedgerAndTheCenterRecord()
    {
        var raised = await SubmitAsync(Principals.Header(AppRoles.Reviewer), """{ "center": "CEE007", "note": "laptops, not medicaments" }""");
        // Durable carries the event as JSON in the contracts' options (WorkerOptions.Serializer).
        var delivered = ContractJson.Deserialize<ReviewDecision>(ContractJson.Serialize(raised));

        var (ledger, published) = await RouteWithReviewAsync(delivered);

        Assert.All(ledger.Values, record =>
        {
            Assert.Equal((LedgerState.Routed, "CEE007"), (record.State, record.Center));
            Assert.Equal(RoutingBasis.Reviewer, record.Decision!.Basis);
            Assert.Equal((Principals.Name, Principals.ObjectId), (record.Decision.Reviewer, record.Decision.ReviewerId));
            Assert.Contains($"reviewer {Principals.Name} chose CEE007", record.Decision.Reasons[^1], StringComparison.Ordinal);
        });
        var routed = published.Where(m => m.Topic == "cee007").Select(m => ContractJson.Deserialize<RoutedDocumentMessage>(m.Body)).ToList();
        Assert.Equal(2, routed.Count);
        Assert.All(routed, m => Assert.Equal((Principals.Name, Principals.ObjectId), (m.Decision.Reviewer, m.Decision.ReviewerId)));
        // On the wire, as the Center's subscription receives it.
        Assert.All(published.Where(m => m.Topic == "cee007"), m => Assert.Contains($"\"reviewerId\":\"{Principals.ObjectId}\"", m.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitReview_ApplicationWithTheReviewerRole_IsRecordedByItsClientId()
    {
        // An app role assigned to an application (client credentials) carries no user name.
        List<(string, string)> claims =
        [
            (Principals.ObjectIdType, "22223333-cccc-4444-dddd-5555eeee6666"),
            (Principals.TenantIdType, Principals.Tenant),
            ("azp", "33334444-dddd-5555-eeee-6666ffff7777"),
            ("roles", AppRoles.Reviewer),
        ];

        var raised = await SubmitAsync(Principals.Header(claims), """{ "center": "CEE001" }""");

        Assert.Equal(("application 33334444-dddd-5555-eeee-6666ffff7777", "22223333-cccc-4444-dddd-5555eeee6666"), (raised.Reviewer, raised.ReviewerId));
    }

    private static async Task<ReviewDecision> SubmitAsync(string header, string body)
    {
        var durable = new Durable().WithInstance(OrchestrationRuntimeStatus.Running);
        ReviewDecision? raised = null;
        durable.Client.Setup(c => c.RaiseEventAsync(Drop.DropId, DurableRoutingPorts.ReviewDecisionEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, object?, CancellationToken>((_, _, payload, _) => raised = (ReviewDecision?)payload)
            .Returns(Task.CompletedTask);
        var ledger = new Mock<IRoutingLedger>();
        ledger.Setup(l => l.GetAsync(DropIds.DocumentId(Drop.DropId, 1), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Ledgers.Record(DropIds.DocumentId(Drop.DropId, 1), LedgerState.AwaitingReview, Drop.DropId));
        var api = new ReviewsApi(ReviewSubmissions.Over(ledger.Object, TimeProvider.System), Principals.Access());

        var result = await api.SubmitReviewAsync(
            Principals.Signed(Requests.Create("/api/reviews/" + Drop.DropId, body), header), Drop.DropId, durable.Client.Object, CancellationToken.None);

        Assert.Equal(202, Assert.IsType<Microsoft.AspNetCore.Mvc.AcceptedResult>(result).StatusCode);
        return raised ?? throw new InvalidOperationException("No decision was raised.");
    }

    // The routing of a drop whose HTSUS lines tie (one line for CEE007, one for CEE001, no account):
    // it waits for a person, and the decision arrives as the external event.
    private static async Task<(Dictionary<string, LedgerRecord> Ledger, List<TopicMessage> Published)> RouteWithReviewAsync(ReviewDecision decision)
    {
        var context = Orchestrations.Context(Drop.DropId);
        context.Setup(c => c.GetInput<RouteDropInput>()).Returns(new RouteDropInput(Drop, new RoutingWorkflowOptions()));
        context.Setup(c => c.WaitForExternalEvent<ReviewDecision?>(DurableRoutingPorts.ReviewDecisionEvent, It.IsAny<CancellationToken>())).ReturnsAsync(decision);
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        var routing = InMemoryRouting.Answer(context,
            InMemoryRouting.DisPackage(Drop, Importer, new CommodityLine("8471300100", 1), new CommodityLine("3004909290", 2)),
            ImporterAccount.Unknown(Importer.LookupKey, Importer.Masked));

        var outcome = await RouteDropOrchestrator.RunAsync(context.Object);

        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.Routed, d.State));
        Assert.Single(routing.PublishedOn("cee-triage"));
        return (routing.Ledger, routing.Published);
    }
}
