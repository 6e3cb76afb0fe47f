using Cee.Functions.Intake;
using Cee.Functions.Orchestration;
using Cee.Functions.Storage;
using Cee.Functions.Tests.Support;
using Cee.Routing.Cosmos;
using Cee.Routing.Drops;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Cee.Routing.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Cee.Functions.Tests.Intake;

public class DropIntakeTriggerTests
{
    private static readonly byte[] Md5 = [0xd4, 0x1d, 0x8c, 0xd9, 0x8f, 0x00, 0xb2, 0x04, 0xe9, 0x80, 0x09, 0x98, 0xec, 0xf8, 0x42, 0x7e];
    private const string ETag = "\"0x8DE2A0B1C2D3E4F\"";
    private static readonly RoutingWorkflowOptions Options = new() { ReviewTimeout = TimeSpan.FromHours(12) };
    private static readonly ActivityRetry Retry = new() { MaxAttempts = 4 };
    private readonly Mock<IRoutingLedger> _ledger = new();
    private readonly Mock<ILedgerQueries> _queries = new();

    public DropIntakeTriggerTests() =>
        _queries.Setup(q => q.GetRecordsOfSourceAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new LedgerPage([], null, []));

    [Fact]
    public async Task HandleAsync_Document_StartsRouteDropUnderTheDropIdOfPathAndETag()
    {
        var durable = new Durable();
        var blob = Blobs.Existing(Blobs.Properties(contentHash: Md5));

        var result = await Trigger().HandleAsync(blob.Object, "2704", "entry-0026110316.xml", durable.Client.Object, CancellationToken.None);

        var expected = DropReference.For("port-drops/2704/entry-0026110316.xml", ETag);
        Assert.Equal(DropTriggerOutcome.Started, result.Outcome);
        Assert.Equal(expected, result.Drop);
        var (name, _, options) = Assert.Single(durable.Scheduled);
        Assert.Equal(RouteDropOrchestrator.Name, name.Name);
        Assert.Equal(expected.DropId, options?.InstanceId);
        Assert.Equal(new RouteDropInput(expected, Options, Retry, 0), durable.ScheduledInput());
    }

    [Fact]
    public async Task HandleAsync_SameBlobTwice_ComputesTheSameInstanceId()
    {
        var durable = new Durable();
        var first = await Trigger().HandleAsync(Blobs.Existing(Blobs.Properties(contentHash: Md5)).Object, "2704", "x.xml", durable.Client.Object, CancellationToken.None);
        var second = await Trigger().HandleAsync(Blobs.Existing(Blobs.Properties(contentHash: Md5)).Object, "2704", "x.xml", durable.Client.Object, CancellationToken.None);

        Assert.Equal(first.Drop!.DropId, second.Drop!.DropId);
        Assert.Equal(durable.Scheduled[0].Options!.InstanceId, durable.Scheduled[1].Options!.InstanceId);
    }

    [Fact]
    public async Task HandleAsync_NewBytesWithAStaleContentMd5_GetANewDropId()
    {
        // Put Block List stores a client's Content-MD5 unchecked: only the ETag says the content changed.
        var durable = new Durable();

        var first = await Trigger().HandleAsync(Blobs.Existing(Blobs.Properties(contentHash: Md5, etag: "\"0x8DEADBEEF\"")).Object, "2704", "x.pdf", durable.Client.Object, CancellationToken.None);
        var second = await Trigger().HandleAsync(Blobs.Existing(Blobs.Properties(contentHash: Md5, etag: "\"0x8DFEEDBEEF\"")).Object, "2704", "x.pdf", durable.Client.Object, CancellationToken.None);

        Assert.Equal("\"0x8DEADBEEF\"", first.Drop!.ContentVersion);
        Assert.Equal(DropIds.Compute("port-drops/2704/x.pdf", "\"0x8DEADBEEF\""), first.Drop.DropId);
        Assert.NotEqual(first.Drop.DropId, second.Drop!.DropId);
        Assert.Equal(2, durable.Scheduled.Count);
    }

    [Theory]
    [InlineData(LedgerState.Routed)]
    [InlineData(LedgerState.Rejected)]
    [InlineData(LedgerState.Failed)]
    public async Task HandleAsync_EveryRecordSettled_StartsNothing(LedgerState state)
    {
        var durable = new Durable().WithInstance(OrchestrationRuntimeStatus.Completed);
        var dropId = DropIds.Compute("port-drops/2704/x.xml", ETag);
        _ledger.Setup(l => l.GetAsync(DropIds.DocumentId(dropId, 1), It.IsAny<CancellationToken>())).ReturnsAsync(Ledgers.Record(DropIds.DocumentId(dropId, 1), state, dropId));

        var result = await Trigger().HandleAsync(Blobs.Existing(Blobs.Properties()).Object, "2704", "x.xml", durable.Client.Object, CancellationToken.None);

        Assert.Equal(DropTriggerOutcome.AlreadySettled, result.Outcome);
        Assert.Empty(durable.Scheduled);
    }

    [Fact]
    public async Task HandleAsync_LateManifest_SupersedesTheDocumentsEarlierRunThatAwaitsReview()
    {
        var durable = new Durable();
        var earlier = DropIds.Compute("port-drops/2704/invoice.pdf", ETag);
        var waiting = Ledgers.Record(DropIds.DocumentId(earlier, 1), LedgerState.AwaitingReview, earlier);
        var routed = Ledgers.Record("d11111111111111111111111111111111-001", LedgerState.Routed, "d11111111111111111111111111111111");
        _queries.Setup(q => q.GetRecordsOfSourceAsync("port-drops/2704/invoice.pdf", It.IsAny<CancellationToken>())).ReturnsAsync(new LedgerPage([waiting, routed], null, []));
        var documents = new Dictionary<string, Mock<Azure.Storage.Blobs.BlobClient>>
        {
            ["2704/invoice.pdf"] = Blobs.Existing(Blobs.Properties(lastModified: Blobs.Uploaded)),
        };

        await Trigger(documents).HandleAsync(
            Blobs.Existing(Blobs.Properties(etag: "\"0x8DMANIFEST\"", lastModified: Blobs.Uploaded.AddMinutes(2))).Object,
            "2704", "invoice.pdf.cee.json", durable.Client.Object, CancellationToken.None);

        // The routed run is left alone; the one waiting for a person is superseded by the new run.
        Assert.Equal([earlier], durable.ScheduledInput().Supersedes);
    }

    [Fact]
    public async Task HandleAsync_RecordsLeftValidatedByAnEndedRun_StartsAgain()
    {
        var durable = new Durable().WithInstance(OrchestrationRuntimeStatus.Failed);
        var dropId = DropIds.Compute("port-drops/2704/x.xml", ETag);
        _ledger.Setup(l => l.GetAsync(DropIds.DocumentId(dropId, 1), It.IsAny<CancellationToken>())).ReturnsAsync(Ledgers.Record(DropIds.DocumentId(dropId, 1), LedgerState.Validated, dropId));

        var result = await Trigger().HandleAsync(Blobs.Existing(Blobs.Properties()).Object, "2704", "x.xml", durable.Client.Object, CancellationToken.None);

        Assert.Equal(DropTriggerOutcome.Started, result.Outcome);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Suspended)]
    public async Task HandleAsync_LiveInstanceWithTheDropId_StartsNothing(OrchestrationRuntimeStatus status)
    {
        var durable = new Durable().WithInstance(status);

        var result = await Trigger().HandleAsync(Blobs.Existing(Blobs.Properties(contentHash: Md5)).Object, "2704", "x.xml", durable.Client.Object, CancellationToken.None);

        Assert.Equal(DropTriggerOutcome.AlreadyRouting, result.Outcome);
        Assert.Empty(durable.Scheduled);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task HandleAsync_EndedInstanceWithTheDropId_StartsAgain(OrchestrationRuntimeStatus status)
    {
        var durable = new Durable().WithInstance(status);

        var result = await Trigger().HandleAsync(Blobs.Existing(Blobs.Properties(contentHash: Md5)).Object, "2704", "x.xml", durable.Client.Object, CancellationToken.None);

        Assert.Equal(DropTriggerOutcome.Started, result.Outcome);
        Assert.Single(durable.Scheduled);
    }

    [Fact]
    public async Task HandleAsync_ScheduleLosesARaceToALiveInstance_ReportsAlreadyRouting()
    {
        var durable = new Durable().WithInstances(null, OrchestrationRuntimeStatus.Pending);
        durable.Client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<Microsoft.DurableTask.TaskName>(), It.IsAny<object?>(), It.IsAny<Microsoft.DurableTask.StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("An orchestration with this instance id already exists."));

        var result = await Trigger().HandleAsync(Blobs.Existing(Blobs.Properties(contentHash: Md5)).Object, "2704", "x.xml", durable.Client.Object, CancellationToken.None);

        Assert.Equal(DropTriggerOutcome.AlreadyRouting, result.Outcome);
    }

    [Fact]
    public async Task HandleAsync_ScheduleFailsWithNoLiveInstance_Throws()
    {
        var durable = new Durable();
        durable.Client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<Microsoft.DurableTask.TaskName>(), It.IsAny<object?>(), It.IsAny<Microsoft.DurableTask.StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("task hub unavailable"));

        await Assert.ThrowsAsync<TimeoutException>(() =>
            Trigger().HandleAsync(Blobs.Existing(Blobs.Properties(contentHash: Md5)).Object, "2704", "x.xml", durable.Client.Object, CancellationToken.None));
    }

    [Fact]
    public async Task HandleAsync_BlobDeletedBeforeTheEvent_StartsNothing()
    {
        var durable = new Durable();

        var result = await Trigger().HandleAsync(Blobs.Missing().Object, "2704", "x.xml", durable.Client.Object, CancellationToken.None);

        Assert.Equal(DropTriggerOutcome.BlobGone, result.Outcome);
        Assert.Empty(durable.Scheduled);
    }

    [Fact]
    public async Task HandleAsync_ManifestBeforeItsDocument_IsIgnored()
    {
        var durable = new Durable();
        var documents = new Dictionary<string, Mock<Azure.Storage.Blobs.BlobClient>> { ["2704/invoice.pdf"] = Blobs.Missing() };

        var result = await Trigger(documents).HandleAsync(
            Blobs.Existing(Blobs.Properties()).Object, "2704", "invoice.pdf.cee.json", durable.Client.Object, CancellationToken.None);

        Assert.Equal(DropTriggerOutcome.ManifestIgnored, result.Outcome);
        Assert.Empty(durable.Scheduled);
    }

    [Fact]
    public async Task HandleAsync_ManifestOlderThanItsDocument_IsIgnored()
    {
        var durable = new Durable();
        var documents = new Dictionary<string, Mock<Azure.Storage.Blobs.BlobClient>>
        {
            ["2704/invoice.pdf"] = Blobs.Existing(Blobs.Properties(contentHash: Md5, lastModified: Blobs.Uploaded.AddSeconds(5))),
        };

        var result = await Trigger(documents).HandleAsync(
            Blobs.Existing(Blobs.Properties(lastModified: Blobs.Uploaded)).Object, "2704", "invoice.pdf.cee.json", durable.Client.Object, CancellationToken.None);

        Assert.Equal(DropTriggerOutcome.ManifestIgnored, result.Outcome);
        Assert.Empty(durable.Scheduled);
    }

    [Fact]
    public async Task HandleAsync_ManifestAfterItsDocument_RoutesTheDocumentAgainWithTheManifestVersion()
    {
        var durable = new Durable();
        var documents = new Dictionary<string, Mock<Azure.Storage.Blobs.BlobClient>>
        {
            ["2704/invoice.pdf"] = Blobs.Existing(Blobs.Properties(contentHash: Md5, lastModified: Blobs.Uploaded)),
        };

        var result = await Trigger(documents).HandleAsync(
            Blobs.Existing(Blobs.Properties(etag: "\"0x8DMANIFEST\"", lastModified: Blobs.Uploaded.AddMinutes(2))).Object,
            "2704", "invoice.pdf.cee.json", durable.Client.Object, CancellationToken.None);

        Assert.Equal(DropTriggerOutcome.Started, result.Outcome);
        var drop = durable.ScheduledInput().Drop;
        Assert.Equal("port-drops/2704/invoice.pdf", drop.Source);
        Assert.Equal(StorageLayout.WithManifest(ETag, "\"0x8DMANIFEST\""), drop.ContentVersion);
        Assert.NotEqual(DropIds.Compute(drop.Source, ETag), drop.DropId);
    }

    private DropIntakeTrigger Trigger(IDictionary<string, Mock<Azure.Storage.Blobs.BlobClient>>? portDrops = null)
    {
        var service = Blobs.Service(new Dictionary<string, Mock<Azure.Storage.Blobs.BlobContainerClient>>
        {
            [StorageLayout.PortDrops] = Blobs.Container(portDrops ?? new Dictionary<string, Mock<Azure.Storage.Blobs.BlobClient>>()),
        });
        return new DropIntakeTrigger(service.Object, new DropScheduler(Options, Retry, _ledger.Object, _queries.Object, NullLogger<DropScheduler>.Instance), NullLogger<DropIntakeTrigger>.Instance);
    }
}
