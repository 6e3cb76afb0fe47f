using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Cee.Functions.Harness.Proxy;
using Cee.Functions.Storage;
using Cee.Functions.Tests.Engine;
using Cee.Functions.Tests.Support;
using Cee.Routing.Drops;
using Cee.Routing.Intake;

namespace Cee.Functions.Tests.Storage;

/// <summary><see cref="BlobDropStore"/> and the document sink against a real Blob endpoint (Azurite).</summary>
[Collection(RealServicesGroup.Name)]
public sealed class AzuriteBlobDropStoreTests : IAsyncLifetime
{
    private AzuriteStorage _storage = null!;

    public async Task InitializeAsync() => _storage = await AzuriteStorage.OpenAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OpenAsync_VersionTheEventNamed_ReadsItAndCommitsEachDocumentWithItsMetadata()
    {
        var name = AzuriteStorage.UniqueName(".xml");
        var drop = await _storage.UploadAsync("2704", name, EngineSamples.Read("2704/entry-summary-electronics.xml"));

        var result = await AzuriteStorage.DropStore(_storage.Blobs).OpenAsync(drop, CancellationToken.None);

        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
        Assert.Equal(2, result.Documents.Count);
        foreach (var document in result.Documents)
        {
            var stored = await _storage.Documents.GetBlobClient(document.Id).DownloadContentAsync();
            Assert.Equal(document.Sha256, Convert.ToHexStringLower(SHA256.HashData(stored.Value.Content.ToArray())));
            Assert.Equal((document.Id, document.Sha256), (stored.Value.Details.Metadata[DocumentMetadata.DocumentIdKey], stored.Value.Details.Metadata[DocumentMetadata.Sha256Key]));
        }

        Assert.Equal(["application/pdf", "image/png"], await Task.WhenAll(result.Documents.Select(async d => (await _storage.Documents.GetBlobClient(d.Id).GetPropertiesAsync()).Value.ContentType)));
    }

    [Fact]
    public async Task OpenAsync_BlobOverwrittenBetweenTheEventAndTheRead_ReportsTheDropSupersededAndStoresNothing()
    {
        var name = AzuriteStorage.UniqueName(".xml");
        var drop = await _storage.UploadAsync("2704", name, EngineSamples.Read("2704/entry-summary-electronics.xml"));
        await _storage.UploadAsync("2704", name, EngineSamples.Read("3801/entry-summary-auto-parts.xml"));

        var result = await AzuriteStorage.DropStore(_storage.Blobs).OpenAsync(drop, CancellationToken.None);

        Assert.Equal(IntakeVerdict.Reject, result.Verdict);
        Assert.Equal(UnreadDrop.SupersededCode, Assert.Single(result.Findings).Code);
        Assert.False((await _storage.Documents.GetBlobClient(DropIds.DocumentId(drop.DropId, 1)).ExistsAsync()).Value);
    }

    [Fact]
    public async Task OpenAsync_BlobDeletedBeforeTheRead_ReportsTheDropMissing()
    {
        var name = AzuriteStorage.UniqueName(".xml");
        var drop = await _storage.UploadAsync("2704", name, EngineSamples.Read("2704/entry-summary-electronics.xml"));
        await _storage.PortDrops.DeleteBlobAsync($"2704/{name}");

        var result = await AzuriteStorage.DropStore(_storage.Blobs).OpenAsync(drop, CancellationToken.None);

        Assert.Equal(UnreadDrop.MissingCode, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public async Task OpenAsync_BlobOverwrittenDuringTheRead_FailsTheReadAndCommitsNoPartialDocument()
    {
        var name = AzuriteStorage.UniqueName(".pdf");
        var drop = await _storage.UploadAsync("2704", name, AzuriteStorage.LargePdf(12 * 1024 * 1024), AzuriteStorage.InvoiceMetadata());
        await using var proxy = await FaultProxy.StartAsync("blob", _storage.Endpoint, CancellationToken.None);
        var release = new TaskCompletionSource();
        var reads = 0;
        // The first range (4 MiB) is read and staged; the second waits until the port has replaced the blob.
        proxy.Inject(FaultRule.Hold("second range", (method, path) => method == "GET" && path.EndsWith($"/port-drops/2704/{name}", StringComparison.Ordinal) && Interlocked.Increment(ref reads) == 2, release.Task));
        var store = AzuriteStorage.DropStore(AzuriteStorage.Client(proxy.Endpoint));

        var reading = store.OpenAsync(drop, CancellationToken.None);
        await WaitUntilAsync(() => Volatile.Read(ref reads) >= 2);
        await _storage.UploadAsync("2704", name, AzuriteStorage.LargePdf(12 * 1024 * 1024, seed: 8), AzuriteStorage.InvoiceMetadata());
        release.SetResult();

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => reading);
        Assert.Equal(412, failure.Status);
        var document = _storage.Documents.GetBlockBlobClient(DropIds.DocumentId(drop.DropId, 1));
        Assert.False((await document.ExistsAsync()).Value, "no partial document was committed");
        // The activity's retry then finds the drop superseded (its new content is a drop of its own).
        Assert.Equal(UnreadDrop.SupersededCode, Assert.Single((await store.OpenAsync(drop, CancellationToken.None)).Findings).Code);
    }

    [Fact]
    public async Task OpenAsync_ReadFailsHalfway_CommitsNoPartialDocumentAndTheNextReadStoresItWhole()
    {
        var name = AzuriteStorage.UniqueName(".pdf");
        var content = AzuriteStorage.LargePdf(10 * 1024 * 1024);
        var drop = await _storage.UploadAsync("2704", name, content, AzuriteStorage.InvoiceMetadata());
        await using var proxy = await FaultProxy.StartAsync("blob", _storage.Endpoint, CancellationToken.None);
        var failing = true;
        var reads = 0;
        proxy.Inject(new FaultRule(
            "ranges after the first fail",
            (method, path) => method == "GET" && path.EndsWith($"/port-drops/2704/{name}", StringComparison.Ordinal) && Interlocked.Increment(ref reads) > 1,
            InjectedFault.BlobInternalError(),
            @while: () => Volatile.Read(ref failing)));
        var store = AzuriteStorage.DropStore(AzuriteStorage.Client(proxy.Endpoint));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => store.OpenAsync(drop, CancellationToken.None));

        Assert.Equal(500, failure.Status);
        var document = _storage.Documents.GetBlockBlobClient(DropIds.DocumentId(drop.DropId, 1));
        Assert.False((await document.ExistsAsync()).Value, "a read that failed halfway committed nothing");

        Volatile.Write(ref failing, false);
        var result = await store.OpenAsync(drop, CancellationToken.None);
        var stored = await document.DownloadContentAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), Convert.ToHexStringLower(SHA256.HashData(stored.Value.Content.ToArray())));
        Assert.Equal(result.Documents.Single().Sha256, stored.Value.Details.Metadata[DocumentMetadata.Sha256Key]);
    }

    [Fact]
    public async Task OpenAsync_LargeDocument_IsStagedInFourMebibyteBlocksAndCommittedOnce()
    {
        var name = AzuriteStorage.UniqueName(".pdf");
        var content = AzuriteStorage.LargePdf((3 * 4 * 1024 * 1024) + 12345);
        var drop = await _storage.UploadAsync("2704", name, content, AzuriteStorage.InvoiceMetadata());

        var result = await AzuriteStorage.DropStore(_storage.Blobs).OpenAsync(drop, CancellationToken.None);

        var document = _storage.Documents.GetBlockBlobClient(result.Documents.Single().Id);
        var blocks = (await document.GetBlockListAsync(BlockListTypes.All)).Value;
        Assert.Equal([BlobDocumentSink.DefaultBlockSize, BlobDocumentSink.DefaultBlockSize, BlobDocumentSink.DefaultBlockSize, 12345L], blocks.CommittedBlocks.Select(b => b.SizeLong));
        Assert.Empty(blocks.UncommittedBlocks);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), result.Documents.Single().Sha256);
    }

    [Fact]
    public async Task OpenAsync_SidecarManifest_ReadsTheDocumentWithIt()
    {
        var name = AzuriteStorage.UniqueName(".pdf");
        await _storage.PortDrops.GetBlobClient($"2704/{name}{StorageLayout.ManifestSuffix}").UploadAsync(BinaryData.FromBytes(EngineSamples.Read("2704/commercial-invoice.pdf.cee.json")));
        var drop = await _storage.UploadAsync("2704", name, EngineSamples.Read("2704/commercial-invoice.pdf"));

        var result = await AzuriteStorage.DropStore(_storage.Blobs).OpenAsync(drop, CancellationToken.None);

        AssertInvoiceFacts(result);
    }

    [Fact]
    public async Task OpenAsync_BlobMetadataManifest_ReadsTheSameFacts()
    {
        var name = AzuriteStorage.UniqueName(".pdf");
        var drop = await _storage.UploadAsync("2704", name, EngineSamples.Read("2704/commercial-invoice.pdf"), AzuriteStorage.InvoiceMetadata());

        var result = await AzuriteStorage.DropStore(_storage.Blobs).OpenAsync(drop, CancellationToken.None);

        AssertInvoiceFacts(result);
    }

    private static void AssertInvoiceFacts(IntakeResult result)
    {
        Assert.Equal(IntakeVerdict.Accept, result.Verdict);
        Assert.Equal(("2704", "002"), (result.Port, result.Filer));
        Assert.Equal(["002-6110316-2"], result.Entries);
        Assert.Equal(["8471300100", "8471410150"], result.Lines.Select(l => l.Hts)); // normalized digits
        Assert.Equal("Commercial Invoice", result.Documents.Single().Label);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
