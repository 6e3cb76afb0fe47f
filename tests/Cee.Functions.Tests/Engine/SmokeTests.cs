using Cee.Functions.Harness.Engine;
using Cee.Routing.Workflow;
using Cee.Tests;

namespace Cee.Functions.Tests.Engine;

[Collection(RealServicesGroup.Name)]
public sealed class SmokeTests
{
    [Fact]
    public async Task Route_OneSample_Routes()
    {
        await using var harness = await EngineHarness.StartAsync();
        var path = "2704/entry-summary-electronics.xml";
        await harness.UploadDropAsync(path, await File.ReadAllBytesAsync(RepositoryPaths.Combine("samples", "drops", path)));
        var started = await harness.DeliverBlobCreatedAsync(path);
        var done = await harness.WaitForCompletionAsync(started.Drop!.DropId, TimeSpan.FromSeconds(60));
        var outcome = done.ReadOutputAs<RoutingOutcome>();
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("CEE007", outcome!.Documents[0].Center);
        Console.WriteLine($"episodes {harness.Counters.Episodes(started.Drop.DropId)} replays {harness.Counters.Replays(started.Drop.DropId)} attempts {harness.Counters.Attempts.Count} blob {harness.BlobProxy.Requests.Count} cosmos {harness.CosmosProxy.Requests.Count} messages {harness.Messages.Published.Count}");
    }
}
