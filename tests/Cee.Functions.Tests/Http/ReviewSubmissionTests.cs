using Cee.Functions.Http;
using Cee.Functions.Orchestration;
using Cee.Functions.Tests.Support;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Cee.Routing.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Moq;

namespace Cee.Functions.Tests.Http;

public class ReviewSubmissionTests
{
    private const string DropId = "d0123456789abcdef0123456789abcdef";
    private const string Path = "/api/reviews/" + DropId;
    private const string ValidBody = """{ "center": "CEE007", "note": "laptops, not cars" }""";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task SubmitAsync_AwaitingReview_RaisesTheDecisionEventAndAccepts()
    {
        var durable = new Durable().WithInstance(OrchestrationRuntimeStatus.Running);
        object? raised = null;
        durable.Client.Setup(c => c.RaiseEventAsync(DropId, DurableRoutingPorts.ReviewDecisionEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, object?, CancellationToken>((_, _, payload, _) => raised = payload)
            .Returns(Task.CompletedTask);

        var result = await Submission(LedgerState.AwaitingReview).SubmitAsync(Requests.Create(Path, ValidBody), DropId, Principals.Reviewer(), durable.Client.Object, CancellationToken.None);

        var accepted = Assert.IsType<AcceptedResult>(result);
        // The reviewer is the signed-in principal: its display name and Entra object id.
        var expected = new ReviewDecision(DropId, "CEE007", Principals.Name, "laptops, not cars", Now, Principals.ObjectId);
        Assert.Equal(expected, raised);
        Assert.Equal(expected, accepted.Value);
    }

    [Fact]
    public async Task SubmitAsync_BodyNotJson_IsABadRequestProblem()
    {
        var durable = new Durable();

        var result = await Submission().SubmitAsync(Requests.Create(Path, "center=CEE007"), DropId, Principals.Reviewer(), durable.Client.Object, CancellationToken.None);

        Requests.Problem(result, 400, "The review decision is not readable");
        VerifyNothingRaised(durable);
    }

    [Fact]
    public async Task SubmitAsync_UnknownCenter_IsABadRequestProblemNamingIt()
    {
        var durable = new Durable().WithInstance(OrchestrationRuntimeStatus.Running);

        var result = await Submission().SubmitAsync(Requests.Create(Path, """{ "center": "NOTELG" }"""), DropId, Principals.Reviewer(), durable.Client.Object, CancellationToken.None);

        var problem = Requests.Problem(result, 400, "The review decision is not valid");
        Assert.Contains("importer-account state, not a Center", problem.Detail, StringComparison.Ordinal);
        VerifyNothingRaised(durable);
    }

    [Theory]
    [InlineData("officer-42")]
    [InlineData("Jane Alvarez")]
    [InlineData("")]
    public async Task SubmitAsync_BodyNamesAReviewer_IsRefusedEvenWhenItIsTheCaller(string named)
    {
        var durable = new Durable().WithInstance(OrchestrationRuntimeStatus.Running);
        var body = $$"""{ "center": "CEE007", "reviewer": "{{named}}", "note": "laptops" }""";

        var result = await Submission(LedgerState.AwaitingReview).SubmitAsync(Requests.Create(Path, body), DropId, Principals.Reviewer(), durable.Client.Object, CancellationToken.None);

        var problem = Requests.Problem(result, 400, "The review decision is not valid");
        Assert.Contains("the reviewer recorded is the signed-in principal", problem.Detail, StringComparison.Ordinal);
        VerifyNothingRaised(durable);
    }

    [Fact]
    public async Task SubmitAsync_NoSuchOrchestration_IsANotFoundProblem()
    {
        var durable = new Durable();

        var result = await Submission().SubmitAsync(Requests.Create(Path, ValidBody), DropId, Principals.Reviewer(), durable.Client.Object, CancellationToken.None);

        var problem = Requests.Problem(result, 404, "No such drop");
        Assert.Equal(Path, problem.Instance);
        VerifyNothingRaised(durable);
    }

    [Fact]
    public async Task SubmitAsync_OrchestrationCompleted_IsAConflictProblem()
    {
        var durable = new Durable().WithInstance(OrchestrationRuntimeStatus.Completed);

        var result = await Submission(LedgerState.Routed).SubmitAsync(Requests.Create(Path, ValidBody), DropId, Principals.Reviewer(), durable.Client.Object, CancellationToken.None);

        var problem = Requests.Problem(result, 409, "The drop is not awaiting review");
        Assert.Contains("Completed", problem.Detail, StringComparison.Ordinal);
        VerifyNothingRaised(durable);
    }

    [Fact]
    public async Task SubmitAsync_RunningButNotAwaitingReview_IsAConflictProblem()
    {
        var durable = new Durable().WithInstance(OrchestrationRuntimeStatus.Running);

        var result = await Submission(LedgerState.Validated).SubmitAsync(Requests.Create(Path, ValidBody), DropId, Principals.Reviewer(), durable.Client.Object, CancellationToken.None);

        var problem = Requests.Problem(result, 409, "The drop is not awaiting review");
        Assert.Contains("Validated", problem.Detail, StringComparison.Ordinal);
        VerifyNothingRaised(durable);
    }

    [Fact]
    public async Task SubmitAsync_RunSupersededByALaterRun_IsAConflictProblemNamingIt()
    {
        // The earlier run of a bare document still waits (Running), but a late manifest's run replaced it.
        var durable = new Durable().WithInstance(OrchestrationRuntimeStatus.Running);
        var superseded = Ledgers.Record($"{DropId}-001", LedgerState.Superseded, DropId) with
        {
            History = [new LedgerHistoryEntry("superseded", LedgerState.Superseded, Now, "superseded by drop d99999999999999999999999999999999, a later run of port-drops/2704/x.xml that decides the document now", DropId)],
        };
        var ledger = new Mock<IRoutingLedger>();
        ledger.Setup(l => l.GetAsync($"{DropId}-001", It.IsAny<CancellationToken>())).ReturnsAsync(superseded);

        var result = await ReviewSubmissions.Over(ledger.Object, new FixedTimeProvider(Now))
            .SubmitAsync(Requests.Create(Path, ValidBody), DropId, Principals.Reviewer(), durable.Client.Object, CancellationToken.None);

        var problem = Requests.Problem(result, 409, "The drop was superseded");
        Assert.Contains("d99999999999999999999999999999999", problem.Detail, StringComparison.Ordinal);
        VerifyNothingRaised(durable);
    }

    private static ReviewSubmission Submission(LedgerState? firstDocument = null)
    {
        var ledger = new Mock<IRoutingLedger>();
        ledger.Setup(l => l.GetAsync($"{DropId}-001", It.IsAny<CancellationToken>()))
            .ReturnsAsync(firstDocument is { } state ? Ledgers.Record($"{DropId}-001", state, DropId) : null);
        return ReviewSubmissions.Over(ledger.Object, new FixedTimeProvider(Now));
    }

    private static void VerifyNothingRaised(Durable durable) =>
        durable.Client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
}
