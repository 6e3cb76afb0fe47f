using Cee.Functions.Harness.Engine;
using Cee.Functions.Harness.Proxy;
using Cee.Functions.Intake;
using Cee.Functions.Storage;
using Cee.Routing.Ledger;
using Cee.Routing.Workflow;
using Microsoft.DurableTask.Client;

namespace Cee.Functions.Tests.Engine;

/// <summary>
/// Event Grid delivers at least once and ports overwrite and resend: in the real engine, each
/// delivery pattern ends with every document routed exactly once.
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class DeliveryEngineTests : IAsyncLifetime
{
    private const string Electronics = "2704/entry-summary-electronics.xml";
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task BlobCreated_DeliveredTwiceWhileTheRunIsGoing_StartsOneOrchestration()
    {
        var release = new TaskCompletionSource();
        // The run's first read of the drop's content waits until both deliveries have been handled, so they
        // meet a live run. A GET, not a HEAD: the trigger reads the blob's properties (a HEAD) too, and a
        // held delivery would wait for a release that only comes after it (seen in CI: the SDK's 100 s
        // timeout let it through after the run had ended, and it started a second run).
        _harness.BlobProxy.Inject(FaultRule.Hold("hold the read", (method, path) => method == "GET" && path.EndsWith("/port-drops/2704/twice.xml", StringComparison.Ordinal) && _harness.Counters.FirstAttemptRunning("OpenAndStoreDrop"), release.Task));
        await _harness.UploadDropAsync("2704/twice.xml", EngineSamples.Read(Electronics));

        var first = await _harness.DeliverBlobCreatedAsync("2704/twice.xml");
        var again = await Task.WhenAll(_harness.DeliverBlobCreatedAsync("2704/twice.xml"), _harness.DeliverBlobCreatedAsync("2704/twice.xml"));
        release.SetResult();
        var done = await _harness.WaitForCompletionAsync(first.Drop!.DropId, EngineTimeouts.Settle);

        Assert.Equal(DropTriggerOutcome.Started, first.Outcome);
        Assert.All(again, r => Assert.Equal((DropTriggerOutcome.AlreadyRouting, first.Drop.DropId), (r.Outcome, r.Drop!.DropId)));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(1, _harness.Counters.Executions(first.Drop.DropId, "OpenAndStoreDrop"));
        var records = await _harness.LedgerRecordsAsync(first.Drop.DropId);
        Assert.All(records, r => Assert.Equal(LedgerState.Routed, r.State));
        Assert.Equal(records.Select(r => r.Id).Order(), _harness.Messages.Of(first.Drop.DropId).Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task BlobCreated_DeliveredAgainAfterTheRunCompleted_RunsAgainAndPublishesNothing()
    {
        var dropId = await EngineSamples.RouteAsync(_harness, Electronics, "2704/after.xml");
        await _harness.WaitForCompletionAsync(dropId, EngineTimeouts.Settle);
        var before = await _harness.LedgerRecordsAsync(dropId);
        var published = _harness.Messages.Of(dropId).Count;

        var again = await _harness.DeliverBlobCreatedAsync("2704/after.xml");
        await _harness.Counters.WhenSettledAsync(dropId);
        var done = await _harness.WaitForCompletionAsync(dropId, EngineTimeouts.Settle);

        // The ended instance is started again under the same id; the workflow finds every record final.
        Assert.Equal((DropTriggerOutcome.Started, dropId), (again.Outcome, again.Drop!.DropId));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.All(done.ReadOutputAs<RoutingOutcome>()!.Documents, d => Assert.Equal(LedgerState.Duplicate, d.State));
        Assert.Equal(2, _harness.Counters.Executions(dropId, "OpenAndStoreDrop"));
        Assert.Equal(published, _harness.Messages.Of(dropId).Count);
        var after = await _harness.LedgerRecordsAsync(dropId);
        Assert.Equal(before.Select(r => (r.State, r.History.Count)), after.Select(r => (r.State, r.History.Count)));
    }

    [Fact]
    public async Task BlobCreated_SameContentAtAnotherPath_RecordsADuplicateOfTheFirst()
    {
        var first = await EngineSamples.RouteAsync(_harness, Electronics, "2704/original.xml");
        await _harness.WaitForCompletionAsync(first, EngineTimeouts.Settle);

        var second = await EngineSamples.RouteAsync(_harness, Electronics, "2709/resent.xml");
        await _harness.WaitForCompletionAsync(second, EngineTimeouts.Settle);

        Assert.NotEqual(first, second);
        var originals = await _harness.LedgerRecordsAsync(first);
        var duplicates = await _harness.LedgerRecordsAsync(second);
        Assert.All(originals, r => Assert.Equal(LedgerState.Routed, r.State));
        Assert.Equal(originals.Select(_ => (LedgerState.Duplicate, originals[0].Id)), duplicates.Select(r => (r.State, r.DuplicateOf!)));
        Assert.Empty(_harness.Messages.Of(second));
    }

    [Fact]
    public async Task BlobCreated_NewContentAtTheSamePath_IsADropOfItsOwn()
    {
        var first = await EngineSamples.RouteAsync(_harness, Electronics, "3801/reused-name.xml");
        await _harness.WaitForCompletionAsync(first, EngineTimeouts.Settle);

        var second = await EngineSamples.RouteAsync(_harness, "3801/entry-summary-auto-parts.xml", "3801/reused-name.xml");
        await _harness.WaitForCompletionAsync(second, EngineTimeouts.Settle);

        Assert.NotEqual(first, second);
        Assert.All(await _harness.LedgerRecordsAsync(first), r => Assert.Equal((LedgerState.Routed, "CEE007"), (r.State, r.Center)));
        Assert.All(await _harness.LedgerRecordsAsync(second), r => Assert.Equal((LedgerState.Routed, "CEE003"), (r.State, r.Center)));
    }

    [Fact]
    public async Task RouteDrop_BlobOverwrittenBetweenTheEventAndTheRead_RejectsTheOldVersionAsSupersededAndRoutesTheNew()
    {
        const string name = "2704/overwritten.xml";
        var release = new TaskCompletionSource();
        _harness.BlobProxy.Inject(FaultRule.Hold("hold the read", (method, path) => method == "HEAD" && path.EndsWith("/port-drops/" + name, StringComparison.Ordinal) && _harness.Counters.FirstAttemptRunning("OpenAndStoreDrop"), release.Task));
        await _harness.UploadDropAsync(name, EngineSamples.Read(Electronics));
        var old = await _harness.DeliverBlobCreatedAsync(name);

        // The port replaces the blob after the event, before the run reads it; its own event follows.
        await _harness.UploadDropAsync(name, EngineSamples.Read("3801/entry-summary-auto-parts.xml"));
        release.SetResult();
        await _harness.WaitForCompletionAsync(old.Drop!.DropId, EngineTimeouts.Settle);
        var replacement = await _harness.DeliverBlobCreatedAsync(name);
        await _harness.WaitForCompletionAsync(replacement.Drop!.DropId, EngineTimeouts.Settle);

        var superseded = Assert.Single(await _harness.LedgerRecordsAsync(old.Drop.DropId));
        Assert.Equal(LedgerState.Rejected, superseded.State);
        Assert.Contains(UnreadDrop.SupersededCode, superseded.History[^1].Reason, StringComparison.Ordinal);
        Assert.Empty(_harness.Messages.Of(old.Drop.DropId));
        var note = await _harness.Blobs.GetBlobContainerClient(StorageLayout.Quarantine).GetBlobClient(name + StorageLayout.ReasonsSuffix).DownloadContentAsync();
        Assert.Contains(old.Drop.DropId, note.Value.Content.ToString(), StringComparison.Ordinal);
        Assert.All(await _harness.LedgerRecordsAsync(replacement.Drop.DropId), r => Assert.Equal((LedgerState.Routed, "CEE003"), (r.State, r.Center)));
    }
}
