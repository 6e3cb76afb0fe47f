using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Cee.Functions.Storage;
using Cee.Functions.Tests.Support;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Cee.Functions.Tests.Storage;

public class BlobDropStoreTests
{
    private const string BlobName = "2704/invoice.pdf";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    private static readonly BlobProperties Current = Blobs.Properties(contentType: "application/pdf");
    private static readonly DropReference Drop = DropReference.For(
        StorageLayout.DropSource("2704", "invoice.pdf"), StorageLayout.ContentVersion(Current.ETag));

    [Fact]
    public async Task OpenAsync_DocumentWithSidecar_StoresTheDocumentAndReadsTheManifest()
    {
        var drop = Readable(Current, Pdf);
        var sidecar = Readable(Blobs.Properties(), """{ "port": "2704", "entryNumbers": ["002-6110316-2"], "documentLabel": "Commercial Invoice" }"""u8.ToArray());
        var stored = new RecordingBlockBlob(DropIds.DocumentId(Drop.DropId, 1));

        var result = await Store(drop, sidecar, stored).OpenAsync(Drop, CancellationToken.None);

        Assert.Equal(["002-6110316-2"], result.Entries);
        var document = Assert.Single(result.Documents);
        Assert.Equal(stored.Uri.AbsoluteUri, document.Location);
        Assert.Equal(Pdf, stored.Committed());
        drop.Verify(b => b.OpenReadAsync(
            It.Is<BlobOpenReadOptions>(o => o.Conditions.IfMatch == Current.ETag),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task OpenAsync_SampleDisPackage_StoresEveryDecodedDocumentUnderItsId()
    {
        const string name = "entry-summary-electronics.xml";
        var properties = Blobs.Properties();
        var drop = DropReference.For(StorageLayout.DropSource("2704", name), StorageLayout.ContentVersion(properties.ETag));
        var stored = new Dictionary<string, RecordingBlockBlob>();

        var result = await Store($"2704/{name}", Readable(properties, SampleDropFiles.Inspect(name)), Blobs.Missing(), RecordingBlockBlob.AnyContainer(stored))
            .OpenAsync(drop, CancellationToken.None);

        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
        Assert.Equal(2, result.Documents.Count);
        Assert.All(result.Documents, document =>
        {
            var blob = stored[document.Id];
            Assert.Equal(blob.Uri.AbsoluteUri, document.Location);
            Assert.Equal(document.Sha256, Convert.ToHexStringLower(SHA256.HashData(blob.Committed())));
            Assert.Equal(DocumentMetadata.ContentTypeOf(document.DetectedType), Assert.Single(blob.Commits).Options.HttpHeaders.ContentType);
        });
    }

    [Fact]
    public async Task OpenAsync_SampleDocumentWithSidecar_IsAccepted()
    {
        const string name = "commercial-invoice.pdf";
        var properties = Blobs.Properties(contentType: "application/pdf");
        var drop = DropReference.For(StorageLayout.DropSource("2704", name), StorageLayout.ContentVersion(properties.ETag));
        var stored = new Dictionary<string, RecordingBlockBlob>();
        var sidecar = Readable(Blobs.Properties(), SampleDropFiles.Inspect(name + StorageLayout.ManifestSuffix));

        var result = await Store($"2704/{name}", Readable(properties, SampleDropFiles.Inspect(name)), sidecar, RecordingBlockBlob.AnyContainer(stored))
            .OpenAsync(drop, CancellationToken.None);

        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
        Assert.Equal(["002-6110316-2"], result.Entries);
        Assert.Equal(2, result.Lines.Count);
        Assert.Equal(SampleDropFiles.Inspect(name), stored[Assert.Single(result.Documents).Id].Committed());
    }

    [Fact]
    public async Task OpenAsync_NoSidecar_ReadsTheBlobMetadata()
    {
        var properties = Blobs.Properties(contentType: "application/pdf", metadata: new Dictionary<string, string>
        {
            ["port"] = "2704",
            ["entryNumbers"] = "002-6110316-2",
        });
        var drop = Readable(properties, Pdf);
        var stored = new RecordingBlockBlob(DropIds.DocumentId(Drop.DropId, 1));

        var result = await Store(drop, Blobs.Missing(), stored).OpenAsync(Drop, CancellationToken.None);

        Assert.Equal(["002-6110316-2"], result.Entries);
        Assert.Single(result.Documents);
    }

    [Fact]
    public async Task OpenAsync_BlobDeleted_RejectsAsMissingWithoutReading()
    {
        var drop = Blobs.Missing();

        var result = await Store(drop, Blobs.Missing(), new RecordingBlockBlob("unused")).OpenAsync(Drop, CancellationToken.None);

        AssertUnread(result, UnreadDrop.MissingCode);
        drop.Verify(b => b.OpenReadAsync(It.IsAny<BlobOpenReadOptions>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task OpenAsync_BlobReplacedAfterTheEvent_RejectsAsSupersededWithoutReading()
    {
        var drop = Readable(Blobs.Properties(etag: "\"0x8DE2A0B1C2D9999\""), Pdf);

        var result = await Store(drop, Blobs.Missing(), new RecordingBlockBlob("unused")).OpenAsync(Drop, CancellationToken.None);

        AssertUnread(result, UnreadDrop.SupersededCode);
        drop.Verify(b => b.OpenReadAsync(It.IsAny<BlobOpenReadOptions>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task OpenAsync_BlobReplacedWhileOpening_RejectsAsSuperseded()
    {
        var drop = Blobs.Existing(Current);
        drop.Setup(b => b.OpenReadAsync(It.IsAny<BlobOpenReadOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(412, "The condition specified using HTTP conditional header(s) is not met.", "ConditionNotMet", null));

        var result = await Store(drop, Blobs.Missing(), new RecordingBlockBlob("unused")).OpenAsync(Drop, CancellationToken.None);

        AssertUnread(result, UnreadDrop.SupersededCode);
    }

    private static void AssertUnread(IntakeResult result, string code)
    {
        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        Assert.Equal(Drop.DropId, result.DropId);
        Assert.Equal(code, Assert.Single(result.Findings).Code);
        Assert.Empty(result.Documents);
        Assert.Equal(UnreadDrop.NothingReadSha256, result.ContentSha256);
    }

    private static Mock<BlobClient> Readable(BlobProperties properties, byte[] content)
    {
        var blob = Blobs.Existing(properties);
        blob.Setup(b => b.OpenReadAsync(It.IsAny<BlobOpenReadOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new MemoryStream(content, writable: false));
        return blob;
    }

    private static BlobDropStore Store(Mock<BlobClient> drop, Mock<BlobClient> sidecar, RecordingBlockBlob stored) =>
        Store(BlobName, drop, sidecar, RecordingBlockBlob.Container(stored));

    private static BlobDropStore Store(string blobName, Mock<BlobClient> drop, Mock<BlobClient> sidecar, Mock<BlobContainerClient> documents)
    {
        var service = Blobs.Service(new Dictionary<string, Mock<BlobContainerClient>>
        {
            [StorageLayout.PortDrops] = Blobs.Container(new Dictionary<string, Mock<BlobClient>>
            {
                [blobName] = drop,
                [StorageLayout.ManifestFor(blobName)] = sidecar,
            }),
            [StorageLayout.Documents] = documents,
        });
        var quarantine = new BlobQuarantine(service.Object, TimeProvider.System, NullLogger<BlobQuarantine>.Instance);
        return new BlobDropStore(service.Object, IntakeOptions.Default, quarantine, NullLogger<BlobDropStore>.Instance);
    }
}
