using System.Xml.Linq;
using Cee.Functions.Harness.Engine;
using Cee.Functions.Storage;
using Cee.Routing.Centers;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Samples;
using Cee.Tests;

namespace Cee.Functions.Tests.Engine;

/// <summary>
/// Every drop of samples/drops through the real engine ends where <c>cee route</c> puts it: both
/// hosts are checked against the one table, <see cref="CuratedSamples.Drops"/> (the CLI in
/// tests/Cee.Cli.Tests/RouteCommandTests.cs), so if the hosts ever disagree, one of them fails.
/// The drops go in path order, as <c>cee route</c> reads them, each settled before the next.
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class CuratedSamplesEngineTests : IClassFixture<CuratedSamplesEngineTests.RoutedSamples>
{
    private readonly RoutedSamples _samples;

    public CuratedSamplesEngineTests(RoutedSamples samples) => _samples = samples;

    public static TheoryData<string> SamplePaths => [.. CuratedSamples.Drops.Select(d => d.Path)];

    [Theory]
    [MemberData(nameof(SamplePaths))]
    public async Task RouteDrop_CuratedSample_EndsInTheStateAndCenterOfTheTable(string path)
    {
        var expected = CuratedSamples.Drops.Single(d => d.Path == path);
        var dropId = _samples.DropIds[path];

        Assert.Equal(expected.Verdict, _samples.Harness.IntakeOf(dropId).Verdict);
        var records = await _samples.Harness.LedgerRecordsAsync(dropId);
        Assert.NotEmpty(records);
        Assert.All(records, r =>
        {
            Assert.Equal((expected.FinalStateOf(r.Subject.Document?.SourceDocumentId), expected.Center), (r.State, r.Center));
            Assert.Equal(StorageLayout.DropSource(path.Split('/')[0], path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..]), r.Subject.Source);
        });
        if (expected.Finding is { } finding)
        {
            Assert.Contains(finding, string.Join(" ", records[0].History.Select(h => h.Reason)), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(SamplePaths))]
    public async Task RouteDrop_CuratedSample_PublishesWhatItsStateSays(string path)
    {
        var expected = CuratedSamples.Drops.Single(d => d.Path == path);
        var dropId = _samples.DropIds[path];
        var records = await _samples.Harness.LedgerRecordsAsync(dropId);
        // A withdrawal's MessageId names the document it withdraws, so it is the withdrawal drop's, not that one's.
        var published = _samples.Harness.Messages.Of(dropId).Where(m => m.Message.Subject != WithdrawalMessage.Kind).ToList();
        if (expected.Withdraws is { } original)
        {
            var withdrawn = (await _samples.Harness.LedgerRecordsAsync(_samples.DropIds[original])).Where(r => r.State == LedgerState.Withdrawn).ToList();
            Assert.NotEmpty(withdrawn);
            var told = _samples.Harness.Messages.Of(_samples.DropIds[original]).Where(m => m.Message.Subject == WithdrawalMessage.Kind).ToList();
            Assert.Equal(withdrawn.Select(r => ("cee007", "withdrawal-" + r.Id)).Order(), told.Select(m => (m.Topic, m.MessageId)).Order());
            Assert.All(told, m => Assert.Equal(WithdrawalMessage.Kind, m.Message.ApplicationProperties["kind"]));
            Assert.Empty(published);
            return;
        }

        switch (expected.State)
        {
            case LedgerState.Routed:
                // One message per document (published together, in any order), on its Center's topic, MessageId = document id.
                var topic = CenterCatalog.Default.Get(expected.Center!).Topic;
                Assert.Equal(records.Select(r => (topic, r.Id)).Order(), published.Select(m => (m.Topic, m.MessageId)).Order());
                Assert.All(published, m => Assert.Equal(expected.Center, m.Message.ApplicationProperties["center"]));
                break;
            case LedgerState.AwaitingReview:
                var request = Assert.Single(published);
                Assert.Equal((CenterCatalog.Default.TriageTopic, $"review-{dropId}"), (request.Topic, request.MessageId));
                break;
            default:
                Assert.Empty(published);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(SamplePaths))]
    public async Task RouteDrop_CuratedSample_StoresItsDocumentsOrQuarantinesTheDrop(string path)
    {
        var expected = CuratedSamples.Drops.Single(d => d.Path == path);
        var dropId = _samples.DropIds[path];
        var harness = _samples.Harness;
        var intake = harness.IntakeOf(dropId);
        var documents = harness.Blobs.GetBlobContainerClient(StorageLayout.Documents);
        var quarantine = harness.Blobs.GetBlobContainerClient(StorageLayout.Quarantine);

        if (expected.Withdraws is not null)
        {
            // A withdrawal stores no document of its own and, accepted, is not quarantined.
            Assert.Empty(intake.Documents);
            Assert.False((await quarantine.GetBlobClient(path).ExistsAsync()).Value);
            return;
        }

        if (expected.State == LedgerState.Rejected)
        {
            var kept = await quarantine.GetBlobClient(path).DownloadContentAsync();
            Assert.Equal(EngineSamples.Read(path), kept.Value.Content.ToArray());
            Assert.Equal(dropId, kept.Value.Details.Metadata[QuarantineMetadata.DropIdKey]);
            Assert.True((await quarantine.GetBlobClient(path + StorageLayout.ReasonsSuffix).ExistsAsync()).Value, "the reasons are kept beside the copy");
            return;
        }

        Assert.NotEmpty(intake.Documents);
        foreach (var document in intake.Documents)
        {
            var stored = await documents.GetBlobClient(document.Id).GetPropertiesAsync();
            Assert.Equal((document.Sha256, document.Size), (stored.Value.Metadata[DocumentMetadata.Sha256Key], stored.Value.ContentLength));
        }
    }

    [SchemaTheory]
    [MemberData(nameof(SamplePaths))]
    public async Task RouteDrop_CuratedSample_EndsWithItsSchemaValidResponseBlob(string path)
    {
        var expected = CuratedSamples.Drops.Single(d => d.Path == path);
        var dropId = _samples.DropIds[path];
        var responses = _samples.Harness.Blobs.GetBlobContainerClient(StorageLayout.PortResponses);

        var blob = await responses.GetBlobClient(path + PortResponse.ValidationSuffix).DownloadContentAsync();

        var bytes = blob.Value.Content.ToArray();
        Assert.Empty(DisSchema.Validate(bytes));
        var xml = XDocument.Parse(blob.Value.Content.ToString());
        XNamespace dis = "http://cbp.dhs.gov/DIS";
        Assert.Equal("CEE-MVR-" + dropId, xml.Descendants(dis + "MessageID").First().Value);
        Assert.Equal(
            expected.Verdict == IntakeVerdict.Reject ? DisResponses.Rejected : DisResponses.Accepted,
            xml.Descendants(dis + "MessageProcessingResult").Single().Element(dis + "ProcessingStatus")!.Value);
    }

    /// <summary>The samples routed once for the whole class: one harness, every drop in path order.</summary>
    public sealed class RoutedSamples : IAsyncLifetime
    {
        public EngineHarness Harness { get; private set; } = null!;

        public Dictionary<string, string> DropIds { get; } = new(StringComparer.Ordinal);

        public async Task InitializeAsync()
        {
            Harness = await EngineHarness.StartAsync();
            foreach (var drop in CuratedSamples.Drops)
            {
                DropIds[drop.Path] = await EngineSamples.RouteAsync(Harness, drop.Path);
            }
        }

        public async Task DisposeAsync() => await Harness.DisposeAsync();
    }
}
