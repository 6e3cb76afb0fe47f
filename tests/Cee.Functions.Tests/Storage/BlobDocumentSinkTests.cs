using Cee.Functions.Storage;
using Cee.Functions.Tests.Support;
using Cee.Routing.Documents;
using Cee.Routing.Intake;
using Moq;

namespace Cee.Functions.Tests.Storage;

public class BlobDocumentSinkTests
{
    private static readonly PendingDocument Pending = new("d-7Q2M-001", 1, "DOC-1", "Commercial Invoice", "invoice é.pdf", "pdf");

    [Fact]
    public async Task CompleteAsync_AfterWritesAcrossBlocks_CommitsTheBlocksInOrderWithTypeAndMetadata()
    {
        var blob = new RecordingBlockBlob(Pending.DocumentId);
        var sink = new BlobDocumentSink(RecordingBlockBlob.Container(blob).Object, blockSize: 4);
        var bytes = "%PDF-1.4 body"u8.ToArray();

        string? location;
        await using (var target = await sink.OpenAsync(Pending, CancellationToken.None))
        {
            await target.WriteAsync(bytes.AsMemory(0, 3), CancellationToken.None);
            await target.WriteAsync(bytes.AsMemory(3, 7), CancellationToken.None);
            await target.WriteAsync(bytes.AsMemory(10), CancellationToken.None);
            location = await target.CompleteAsync(new DecodedDocument(Pending.DocumentId, bytes.Length, "ab12", FileSignatures.Pdf), CancellationToken.None);
        }

        Assert.Equal(blob.Uri.AbsoluteUri, location);
        Assert.Equal([4, 4, 4, 1], blob.Staged.Select(s => s.Bytes.Length));
        Assert.Equal(bytes, blob.Committed());
        var (ids, options) = Assert.Single(blob.Commits);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(ids[0].Length, id.Length));
        Assert.Equal("application/pdf", options.HttpHeaders.ContentType);
        Assert.Equal("ab12", options.Metadata[DocumentMetadata.Sha256Key]);
        Assert.Equal("1", options.Metadata[DocumentMetadata.OrdinalKey]);
        Assert.Equal("invoice %C3%A9.pdf", options.Metadata[DocumentMetadata.FileNameKey]);
    }

    [Fact]
    public async Task WriteAsync_CallerReusesItsBuffer_StoresTheBytesAsWritten()
    {
        var blob = new RecordingBlockBlob(Pending.DocumentId);
        var sink = new BlobDocumentSink(RecordingBlockBlob.Container(blob).Object, blockSize: 1024);
        var buffer = "first"u8.ToArray();

        await using (var target = await sink.OpenAsync(Pending, CancellationToken.None))
        {
            await target.WriteAsync(buffer, CancellationToken.None);
            "XXXXX"u8.CopyTo(buffer);
            await target.CompleteAsync(new DecodedDocument(Pending.DocumentId, 5, "ab12", FileSignatures.Unknown), CancellationToken.None);
        }

        Assert.Equal("first"u8.ToArray(), blob.Committed());
        Assert.Equal("application/octet-stream", Assert.Single(blob.Commits).Options.HttpHeaders.ContentType);
    }

    [Fact]
    public async Task AbandonAsync_AfterStagedBlocks_CommitsNothing()
    {
        var blob = new RecordingBlockBlob(Pending.DocumentId);
        var sink = new BlobDocumentSink(RecordingBlockBlob.Container(blob).Object, blockSize: 2);

        await using (var target = await sink.OpenAsync(Pending, CancellationToken.None))
        {
            await target.WriteAsync("abcde"u8.ToArray(), CancellationToken.None);
            await target.AbandonAsync(new Finding(FindingCodes.InvalidBase64, FindingSeverity.Error, "bad Base64"), CancellationToken.None);
        }

        Assert.NotEmpty(blob.Staged);
        Assert.Empty(blob.Commits);
    }

    [Fact]
    public async Task DisposeAsync_WithoutCompleteOrAbandon_CommitsNothing()
    {
        var blob = new RecordingBlockBlob(Pending.DocumentId);
        var sink = new BlobDocumentSink(RecordingBlockBlob.Container(blob).Object, blockSize: 2);

        var target = await sink.OpenAsync(Pending, CancellationToken.None);
        await target.WriteAsync("abcde"u8.ToArray(), CancellationToken.None);
        await target.DisposeAsync();

        Assert.Empty(blob.Commits);
        await Assert.ThrowsAsync<InvalidOperationException>(() => target.WriteAsync("f"u8.ToArray(), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task CompleteAsync_EmptyDocument_CommitsAnEmptyBlockList()
    {
        var blob = new RecordingBlockBlob(Pending.DocumentId);
        var sink = new BlobDocumentSink(RecordingBlockBlob.Container(blob).Object);

        await using var target = await sink.OpenAsync(Pending, CancellationToken.None);
        await target.CompleteAsync(new DecodedDocument(Pending.DocumentId, 0, "e3b0", FileSignatures.Unknown), CancellationToken.None);

        Assert.Empty(blob.Staged);
        Assert.Empty(Assert.Single(blob.Commits).Ids);
        blob.Client.Verify(b => b.StageBlockAsync(It.IsAny<string>(), It.IsAny<Stream>(), It.IsAny<Azure.Storage.Blobs.Models.BlockBlobStageBlockOptions>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
