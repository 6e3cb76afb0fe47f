using System.Text;
using Cee.Functions.Harness.Engine;
using Cee.Functions.Http;
using Cee.Functions.Tests.Support;
using Cee.Routing.Centers;
using Cee.Routing.Ledger;
using Cee.Routing.Policy;
using Cee.Routing.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Cee.Functions.Tests.Engine;

/// <summary>
/// Review in the real engine: the <c>ReviewDecision</c> external event raised by the HTTP API's
/// handler, raced against a durable timer that really fires; each fallback at the deadline; the
/// escalations and the wait without a deadline after the last one.
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class ReviewEngineTests
{
    private const string Tie = "2304/entry-summary-tie.xml";
    private const string TwoImporters = "2709/entry-summary-two-importers.xml";

    [Fact]
    public async Task SubmitReview_DropAwaitingReview_RaisesTheEventAndTheDropRoutesToTheChosenCenter()
    {
        await using var harness = await EngineHarness.StartAsync();
        var dropId = await EngineSamples.RouteAsync(harness, Tie);
        Assert.Equal(LedgerState.AwaitingReview, (await harness.LedgerRecordsAsync(dropId)).Single().State);

        var answer = await SubmitAsync(harness, dropId, """{ "center": "CEE007", "note": "laptops are the bulk of the value" }""");

        Assert.IsType<AcceptedResult>(answer);
        var done = await harness.WaitForCompletionAsync(dropId, EngineTimeouts.Settle);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var record = (await harness.LedgerRecordsAsync(dropId)).Single();
        Assert.Equal((LedgerState.Routed, "CEE007", RoutingBasis.Reviewer), (record.State, record.Center, record.Decision!.Basis));
        Assert.Equal(["received", "validated", "awaiting-review", "publish-intent", "routed"], record.History.Select(h => h.Step));
        Assert.Equal((Principals.ObjectId, Principals.Name), (record.Decision.ReviewerId, record.Decision.Reviewer));
        Assert.Equal(
            [(CenterCatalog.Default.TriageTopic, $"review-{dropId}"), (CenterCatalog.Default.Get("CEE007").Topic, record.Id)],
            harness.Messages.Of(dropId).Select(m => (m.Topic, m.MessageId)));
        Assert.Equal("CEE007", done.ReadOutputAs<RoutingOutcome>()!.Documents.Single().Center);
    }

    [Fact]
    public async Task SubmitReview_DropAlreadyRouted_AnswersConflictAndRaisesNothing()
    {
        await using var harness = await EngineHarness.StartAsync();
        var dropId = await EngineSamples.RouteAsync(harness, "2704/entry-summary-electronics.xml");
        await harness.WaitForCompletionAsync(dropId, EngineTimeouts.Settle);

        var answer = await SubmitAsync(harness, dropId, """{ "center": "CEE001" }""");

        Assert.Equal(StatusCodes.Status409Conflict, Assert.IsType<ObjectResult>(answer).StatusCode);
        Assert.All(await harness.LedgerRecordsAsync(dropId), r => Assert.Equal("CEE007", r.Center));
    }

    [Fact]
    public async Task RouteDrop_DeadlinePassesWithBestHtsGuess_RoutesByThePredominantLines()
    {
        await using var harness = await EngineHarness.StartAsync(new EngineHarnessOptions { ReviewTimeout = "00:00:02", ReviewFallback = "best-hts-guess" });
        var started = await EngineSamples.DropAsync(harness, TwoImporters);

        var done = await harness.WaitForCompletionAsync(started.Drop!.DropId, EngineTimeouts.Settle);

        var dropId = started.Drop.DropId;
        var record = (await harness.LedgerRecordsAsync(dropId)).Single();
        Assert.Equal((LedgerState.Routed, "CEE007", RoutingBasis.BestHtsGuess), (record.State, record.Center, record.Decision!.Basis));
        Assert.Contains(RoutingFlags.BestGuess, record.Decision.Flags);
        Assert.Equal(["received", "validated", "awaiting-review", "publish-intent", "routed"], record.History.Select(h => h.Step));
        Assert.Null(record.Decision.ReviewerId); // no person decided: the deadline did
        // The durable timer fired: the routed step is at least the timeout after the request for review.
        Assert.True(record.History[4].At - record.History[2].At >= TimeSpan.FromSeconds(2), $"routed {record.History[4].At:O}, review requested {record.History[2].At:O}");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(2, harness.Messages.Of(dropId).Count); // the review request, then the routed document
    }

    [Fact]
    public async Task RouteDrop_DeadlinesPassWithEscalate_EscalatesEachTimeThenWaitsForAPersonWithoutDeadline()
    {
        await using var harness = await EngineHarness.StartAsync(new EngineHarnessOptions { ReviewTimeout = "00:00:01", ReviewFallback = "escalate", MaxEscalations = 2 });
        var started = await EngineSamples.DropAsync(harness, Tie);
        var dropId = started.Drop!.DropId;

        var escalated = await WaitForStepAsync(harness, dropId + "-001", "escalated-2");

        Assert.Equal(LedgerState.AwaitingReview, escalated.State);
        Assert.Contains(RoutingFlags.Escalated, escalated.Decision!.Flags);
        Assert.Equal(["received", "validated", "awaiting-review", "escalated-1", "escalated-2"], escalated.History.Select(h => h.Step));
        Assert.Contains("waiting for a person without a deadline", escalated.History[^1].Reason, StringComparison.Ordinal);
        Assert.Equal(
            [$"review-{dropId}", $"review-{dropId}-escalation-1", $"review-{dropId}-escalation-2"],
            harness.Messages.Of(dropId).Select(m => m.MessageId));
        Assert.All(harness.Messages.Of(dropId), m => Assert.Equal(CenterCatalog.Default.TriageTopic, m.Topic));

        // No deadline after the last escalation: it still waits, and a person's decision ends it.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.Client.GetInstanceAsync(dropId))!.RuntimeStatus);
        Assert.IsType<AcceptedResult>(await SubmitAsync(harness, dropId, """{ "center": "CEE001" }"""));
        await harness.WaitForCompletionAsync(dropId, EngineTimeouts.Settle);
        var routed = (await harness.LedgerRecordsAsync(dropId)).Single();
        Assert.Equal((LedgerState.Routed, "CEE001"), (routed.State, routed.Center));
        Assert.Contains(RoutingFlags.Escalated, routed.Decision!.Flags);
    }

    [Fact]
    public async Task RouteDrop_DeadlinePassesWithBestHtsGuessButATie_EscalatesInstead()
    {
        await using var harness = await EngineHarness.StartAsync(new EngineHarnessOptions { ReviewTimeout = "00:00:01", ReviewFallback = "best-hts-guess", MaxEscalations = 1 });
        var started = await EngineSamples.DropAsync(harness, Tie);

        var escalated = await WaitForStepAsync(harness, started.Drop!.DropId + "-001", "escalated-1");

        Assert.Equal(LedgerState.AwaitingReview, escalated.State);
        Assert.Null(escalated.Center);
    }

    private static async Task<IActionResult> SubmitAsync(EngineHarness harness, string dropId, string body)
    {
        var context = new DefaultHttpContext { RequestServices = harness.Services };
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return await harness.Services.GetRequiredService<ReviewSubmission>().SubmitAsync(context.Request, dropId, Principals.Reviewer(), harness.Client, CancellationToken.None);
    }

    private static async Task<LedgerRecord> WaitForStepAsync(EngineHarness harness, string recordId, string step)
    {
        using var timeout = new CancellationTokenSource(EngineTimeouts.Settle);
        while (true)
        {
            if (await harness.Ledger.GetAsync(recordId, timeout.Token) is { } record && record.History.Any(h => h.Step == step))
            {
                return record;
            }

            await Task.Delay(200, timeout.Token);
        }
    }
}
