using Cee.Functions.Harness.Engine;
using Cee.Functions.Harness.Proxy;
using Cee.Functions.Orchestration;
using Cee.Routing.Ledger;
using Microsoft.DurableTask.Client;

namespace Cee.Functions.Tests.Engine;

/// <summary>
/// Transient faults as the services send them (Cosmos DB 429 and 503, Blob Storage 500), injected
/// by the proxy in front of Azurite and the Cosmos server, below every retry layer. Each fault is met
/// by the layer that owns it, and the drop routes exactly once:
/// <list type="bullet">
/// <item>a couple of failed calls are absorbed inside the activity (the Cosmos SDK's 429 retries, the
/// adapter's <c>CosmosRetry</c> for 5xx, Azure.Core's retry policy for Blob): one execution;</item>
/// <item>a burst that outlasts them fails the activity's first attempt, and the orchestration's
/// activity retry policy (<see cref="DurableRoutingPorts.Retry"/>: first retry after 5 s) runs it
/// again: two executions, the second at least the policy's first interval after the first.</item>
/// </list>
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class TransientFaultEngineTests : IAsyncLifetime
{
    private const string Electronics = "2704/entry-summary-electronics.xml";
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<string, string, string, string> Faults => new()
    {
        // fault, activity that meets it, the service, the resource it fails
        { "cosmos-429", ActivityNames.ClaimContent, "cosmos", "content-claims" },
        { "cosmos-503", ActivityNames.FindImporterAccount, "cosmos", "importer-accounts" },
        { "blob-500", ActivityNames.OpenAndStoreDrop, "blob", "port-drops" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task RouteDrop_FaultOutlastsTheClientRetries_TheActivityRetryPolicyRunsItAgainAndTheDropRoutesOnce(string fault, string activity, string service, string resource)
    {
        var name = $"2704/burst-{fault}.xml";
        var rule = Proxy(service).Inject(new FaultRule(fault, Touches(service, resource), Fault(fault), @while: () => _harness.Counters.FirstAttemptRunning(activity)));

        var dropId = await EngineSamples.RouteAsync(_harness, Electronics, name);
        var done = await _harness.WaitForCompletionAsync(dropId, EngineTimeouts.WithRetries);

        Assert.True(rule.Injected > 0, $"no {fault} was injected");
        var attempts = _harness.Counters.AttemptsOf(dropId).Where(a => a.Activity == activity).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.NotNull(attempts[0].Failure);
        Assert.Null(attempts[1].Failure);
        Assert.True(
            attempts[1].StartedAt - attempts[0].EndedAt >= DurableRoutingPorts.Retry.Retry!.Policy!.FirstRetryInterval - TimeSpan.FromMilliseconds(100),
            $"the second attempt began {(attempts[1].StartedAt - attempts[0].EndedAt).TotalSeconds:0.0} s after the first failed: not the activity retry policy");
        AssertRoutedOnce(done, dropId);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task RouteDrop_TwoFailedCalls_AbsorbedInsideTheActivityAndTheDropRoutesOnce(string fault, string activity, string service, string resource)
    {
        var name = $"2704/two-{fault}.xml";
        var rule = Proxy(service).Inject(new FaultRule(fault, Touches(service, resource), Fault(fault), times: 2));

        var dropId = await EngineSamples.RouteAsync(_harness, Electronics, name);
        var done = await _harness.WaitForCompletionAsync(dropId, EngineTimeouts.WithRetries);

        Assert.Equal(2, rule.Injected);
        Assert.Equal(1, _harness.Counters.Executions(dropId, activity));
        // Each failed call was retried by the client: the proxy saw the same request succeed after them.
        var calls = Proxy(service).Requests.Where(r => r.Resource == resource).ToList();
        Assert.Equal(2, calls.Count(r => r.InjectedBy == fault));
        Assert.Contains(calls.SkipWhile(r => r.InjectedBy is null).SkipWhile(r => r.InjectedBy == fault), r => r.Status < 300);
        AssertRoutedOnce(done, dropId);
    }

    [Fact]
    public async Task RouteDrop_DocumentCommittedButItsAnswerLost_TheRetriedReadCommitsTheSameBytesAndTheDropRoutesOnce()
    {
        const string name = "2704/answer-lost.xml";
        // Put Block List reaches Azurite and commits; every answer the first attempt gets is a 500.
        var rule = _harness.BlobProxy.Inject(new FaultRule(
            "commit-answer-lost",
            (method, path) => method == "PUT" && path.Contains("/documents/", StringComparison.Ordinal),
            InjectedFault.BlobInternalError(afterForwarding: true),
            @while: () => _harness.Counters.FirstAttemptRunning(ActivityNames.OpenAndStoreDrop)));

        var dropId = await EngineSamples.RouteAsync(_harness, Electronics, name);
        var done = await _harness.WaitForCompletionAsync(dropId, EngineTimeouts.WithRetries);

        Assert.True(rule.Injected > 0);
        Assert.Equal(2, _harness.Counters.Executions(dropId, ActivityNames.OpenAndStoreDrop));
        AssertRoutedOnce(done, dropId);
        foreach (var document in _harness.IntakeOf(dropId).Documents)
        {
            var stored = await _harness.Blobs.GetBlobContainerClient("documents").GetBlobClient(document.Id).DownloadContentAsync();
            Assert.Equal(document.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored.Value.Content.ToArray())));
        }
    }

    private static InjectedFault Fault(string fault) => fault switch
    {
        "cosmos-429" => InjectedFault.CosmosThrottled(),
        "cosmos-503" => InjectedFault.CosmosUnavailable(),
        "blob-500" => InjectedFault.BlobInternalError(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "not a fault of this test"),
    };

    private static Func<string, string, bool> Touches(string service, string resource) =>
        (_, path) => string.Equals(ProxiedRequest.ResourceOf(service, path), resource, StringComparison.Ordinal);

    private FaultProxy Proxy(string service) => service == "blob" ? _harness.BlobProxy : _harness.CosmosProxy;

    // Routed exactly once: every record Routed to CEE007 with each step once, one message per document.
    private void AssertRoutedOnce(OrchestrationMetadata done, string dropId)
    {
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var records = _harness.LedgerRecordsAsync(dropId).GetAwaiter().GetResult();
        Assert.Equal(2, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal((LedgerState.Routed, "CEE007"), (r.State, r.Center));
            Assert.Equal(["received", "validated", "publish-intent", "routed"], r.History.Select(h => h.Step));
        });
        Assert.Equal(records.Select(r => r.Id).Order(), _harness.Messages.Of(dropId).Select(m => m.MessageId).Order());
    }
}
