using Cee.Functions.Harness.Engine;
using Cee.Functions.Harness.Proxy;
using Cee.Functions.Http;
using Cee.Functions.Orchestration;
using Cee.Functions.Reconcile;
using Cee.Functions.Storage;
using Cee.Functions.Tests.Support;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Tests.Engine;

/// <summary>
/// Issue 18 in the real engine: a run whose activity exhausts its retries is recorded Failed and told
/// to triage, and the reconciler re-drives it once the service is back; a blob no event started is
/// found; a re-drive after the duplicate window publishes nothing twice; purge removes only old ended
/// history. Retry budgets, grace periods and backoffs are seconds here (app settings), not minutes.
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class ReconcilerEngineTests
{
    private const string Electronics = "2704/entry-summary-electronics.xml";
    private static readonly TimeSpan PastGrace = TimeSpan.FromSeconds(2.5);

    private static Task<EngineHarness> StartAsync(string retention = "1.00:00:00", string? duplicateWindow = null) =>
        EngineHarness.StartAsync(new EngineHarnessOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["ActivityRetry:MaxAttempts"] = "2",
                ["ActivityRetry:FirstRetryInterval"] = "00:00:01",
                ["ActivityRetry:MaxRetryInterval"] = "00:00:01",
                ["ActivityRetry:RetryTimeout"] = "00:01:00",
                ["Reconciler:GracePeriod"] = "00:00:01",
                ["Reconciler:FirstBackoff"] = "00:00:01",
                ["Reconciler:MaxBackoff"] = "00:00:01",
                ["Reconciler:Retention"] = retention,
                ["Routing:DuplicateDetectionWindow"] = duplicateWindow,
            },
        });

    [Fact]
    public async Task Reconcile_CosmosDownLongerThanTheRetryBudget_FailedAndTriageThenOneRoutingAfterRecovery()
    {
        await using var harness = await StartAsync();
        var down = true;
        var rule = harness.CosmosProxy.Inject(new FaultRule("accounts-down", Touches("importer-accounts"), InjectedFault.CosmosUnavailable(), @while: () => Volatile.Read(ref down)));

        var dropId = await EngineSamples.RouteAsync(harness, Electronics, "2704/outage.xml");
        var failed = await harness.WaitForCompletionAsync(dropId, EngineTimeouts.WithRetries);

        Assert.True(rule.Injected > 0);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, failed.RuntimeStatus);
        Assert.Equal(2, harness.Counters.Executions(dropId, ActivityNames.FindImporterAccount));
        var records = await harness.LedgerRecordsAsync(dropId);
        Assert.Equal(2, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal(LedgerState.Failed, r.State);
            Assert.Equal("failed-1", r.History[^1].Step);
            Assert.StartsWith($"{ActivityNames.FindImporterAccount} gave up after 2 attempt(s)", r.History[^1].Reason, StringComparison.Ordinal);
        });
        var triage = Assert.Single(harness.Messages.Of(dropId), m => m.Topic == Topics.Triage);
        Assert.Equal($"failed-{dropId}-1", triage.MessageId);
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(dropId, StringComparison.Ordinal));

        Volatile.Write(ref down, false);
        await Task.Delay(PastGrace);
        var pass = await harness.Services.GetRequiredService<Reconciler>().RunAsync(harness.Client, CancellationToken.None);
        var done = await harness.WaitForCompletionAsync(dropId, EngineTimeouts.Settle);

        Assert.Equal(1, pass.Redriven);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        records = await harness.LedgerRecordsAsync(dropId);
        Assert.All(records, r => Assert.Equal((LedgerState.Routed, "CEE007"), (r.State, r.Center)));
        Assert.Equal(records.Select(r => r.Id).Order(), harness.Messages.Of(dropId).Where(m => m.Topic == "cee007").Select(m => m.MessageId).Order());

        // Settled now: the next pass re-drives nothing.
        await Task.Delay(PastGrace);
        var next = await harness.Services.GetRequiredService<Reconciler>().RunAsync(harness.Client, CancellationToken.None);
        Assert.Equal((0, 0), (next.Redriven, next.Started));
    }

    [Fact]
    public async Task Reconcile_BlobWhoseEventWasLost_IsStartedAsTheTriggerWouldAndRoutesOnce()
    {
        await using var harness = await StartAsync();
        await harness.UploadDropAsync("2704/no-event.xml", EngineSamples.Read(Electronics));

        var early = await harness.Services.GetRequiredService<Reconciler>().RunAsync(harness.Client, CancellationToken.None);
        await Task.Delay(PastGrace);
        var pass = await harness.Services.GetRequiredService<Reconciler>().RunAsync(harness.Client, CancellationToken.None);

        Assert.Equal(0, early.Started); // inside the grace period: its event may still come
        Assert.Equal(1, pass.Started);
        var dropId = (await harness.DeliverBlobCreatedAsync("2704/no-event.xml")).Drop!.DropId;
        await harness.WaitForCompletionAsync(dropId, EngineTimeouts.Settle);
        var records = await harness.LedgerRecordsAsync(dropId);
        Assert.All(records, r => Assert.Equal(LedgerState.Routed, r.State));
        Assert.Equal(records.Select(r => r.Id).Order(), harness.Messages.Of(dropId).Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Reconcile_RedriveAfterTheDuplicateWindow_PublishesNothingTwice()
    {
        await using var harness = await StartAsync(duplicateWindow: "00:00:01");
        var down = true;
        // The run publishes, then the ledger is down for every write after it: "routed" and the Failed record.
        var rule = harness.CosmosProxy.Inject(new FaultRule(
            "ledger-down-after-publish",
            (method, path) => method != "GET" && ProxiedRequest.ResourceOf("cosmos", path) == "ledger",
            InjectedFault.CosmosUnavailable(),
            @while: () => Volatile.Read(ref down) && harness.Messages.Published.Any(m => m.Topic == "cee007")));

        var dropId = await EngineSamples.RouteAsync(harness, Electronics, "2704/window.xml");
        await harness.WaitForCompletionAsync(dropId, EngineTimeouts.WithRetries);
        var sent = harness.Messages.Of(dropId).Count(m => m.Topic == "cee007");
        Assert.True(rule.Injected > 0);
        Assert.Equal(2, sent);
        Assert.All(await harness.LedgerRecordsAsync(dropId), r => Assert.Equal(("publish-intent", LedgerState.Validated), (r.History[^1].Step, r.State)));

        Volatile.Write(ref down, false);
        await Task.Delay(PastGrace);
        var pass = await harness.Services.GetRequiredService<Reconciler>().RunAsync(harness.Client, CancellationToken.None);
        await harness.WaitForCompletionAsync(dropId, EngineTimeouts.Settle);

        Assert.Equal(1, pass.Redriven);
        Assert.Equal(sent, harness.Messages.Of(dropId).Count(m => m.Topic == "cee007"));
        Assert.All(await harness.LedgerRecordsAsync(dropId), r =>
        {
            Assert.Equal(LedgerState.Routed, r.State);
            Assert.Contains("by an earlier run", r.History[^1].Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Reconcile_Purge_RemovesOldEndedHistoryAndNothingElse()
    {
        await using var harness = await StartAsync(retention: "00:00:04");
        var old = await EngineSamples.RouteAsync(harness, Electronics, "2704/old.xml");
        await harness.WaitForCompletionAsync(old, EngineTimeouts.Settle);
        // Waits for a person (no deadline passes): live, never purged.
        var waiting = (await EngineSamples.DropAsync(harness, "2709/entry-summary-two-importers.xml")).Drop!.DropId;
        await harness.WaitForSettledAsync(waiting, EngineTimeouts.Settle);
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        var recent = await EngineSamples.RouteAsync(harness, Electronics, "2709/recent.xml");
        await harness.WaitForCompletionAsync(recent, EngineTimeouts.Settle);

        var pass = await harness.Services.GetRequiredService<Reconciler>().RunAsync(harness.Client, CancellationToken.None);

        Assert.Equal(1, pass.Purged);
        Assert.Null(await harness.Client.GetInstanceAsync(old));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.Client.GetInstanceAsync(waiting))!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await harness.Client.GetInstanceAsync(recent))!.RuntimeStatus);
        // The ledger keeps the purged drop's records: only Durable history goes.
        Assert.All(await harness.LedgerRecordsAsync(old), r => Assert.Equal(LedgerState.Routed, r.State));
    }

    [Fact]
    public async Task LateManifest_DecisionForTheFirstRunIsRefusedAndTheDocumentReachesItsCenterOnce()
    {
        await using var harness = await StartAsync();
        const string name = "2704/commercial-invoice.pdf";
        // The bare document without its manifest: nothing says whose it is, so a person is asked.
        await harness.UploadDropAsync(name, EngineSamples.Read(name));
        var first = (await harness.DeliverBlobCreatedAsync(name)).Drop!.DropId;
        await harness.WaitForSettledAsync(first, EngineTimeouts.Settle);
        Assert.All(await harness.LedgerRecordsAsync(first), r => Assert.Equal(LedgerState.AwaitingReview, r.State));

        // Its manifest comes late: a second run under a new drop id routes it, and supersedes the first.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await harness.UploadDropAsync(StorageLayout.ManifestFor(name), EngineSamples.Read(StorageLayout.ManifestFor(name)));
        var second = (await harness.DeliverBlobCreatedAsync(StorageLayout.ManifestFor(name))).Drop!.DropId;
        await harness.WaitForCompletionAsync(second, EngineTimeouts.Settle);

        var decision = await harness.Services.GetRequiredService<ReviewSubmission>().SubmitAsync(
            ReviewRequest(first), first, Principals.Reviewer(), harness.Client, CancellationToken.None);

        var problem = Assert.IsType<ProblemDetails>(Assert.IsAssignableFrom<ObjectResult>(decision).Value);
        Assert.Equal((409, "The drop was superseded"), (problem.Status, problem.Title));
        Assert.All(await harness.LedgerRecordsAsync(first), r => Assert.Equal(LedgerState.Superseded, r.State));
        Assert.Single(harness.Messages.Of(first), m => m.MessageId == $"superseded-{first}");
        var routed = Assert.Single(await harness.LedgerRecordsAsync(second));
        Assert.Equal(LedgerState.Routed, routed.State);
        var toCenters = harness.Messages.Published.Where(m => m.Topic != Topics.Triage).ToList();
        Assert.Equal(routed.Id, Assert.Single(toCenters).MessageId);
    }

    private static Microsoft.AspNetCore.Http.HttpRequest ReviewRequest(string dropId)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = $"/api/reviews/{dropId}";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream("""{ "center": "CEE007", "note": "invoice for the laptops" }"""u8.ToArray());
        return context.Request;
    }

    private static Func<string, string, bool> Touches(string resource) =>
        (_, path) => string.Equals(ProxiedRequest.ResourceOf("cosmos", path), resource, StringComparison.Ordinal);
}
