using System.Buffers;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Cee.Routing.Documents;
using Cee.Routing.Intake;

namespace Cee.Functions.Storage;

/// <summary>
/// One document on its way into a block blob (see <see cref="BlobDocumentSink"/>): bytes gather in a
/// pooled buffer, each full buffer is staged as a block, and <see cref="CompleteAsync"/> commits the
/// block list. Abandoned or disposed first, nothing is committed: a blob already stored under the id
/// by an earlier, completed read of the same drop (the same bytes) stays as it was.
/// </summary>
internal sealed class BlobDocumentTarget : IDocumentTarget
{
    private readonly BlockBlobClient _blob;
    private readonly PendingDocument _document;
    private readonly int _blockSize;
    private readonly List<string> _blockIds = [];
    private byte[]? _buffer;
    private int _filled;
    private bool _finished;

    public BlobDocumentTarget(BlockBlobClient blob, PendingDocument document, int blockSize)
    {
        _blob = blob;
        _document = document;
        _blockSize = blockSize;
        _buffer = ArrayPool<byte>.Shared.Rent(blockSize);
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var buffer = Open();
        while (!bytes.IsEmpty)
        {
            // Copied before any await: the reader reuses its buffer once this call returns.
            var count = Math.Min(bytes.Length, _blockSize - _filled);
            bytes[..count].CopyTo(buffer.AsMemory(_filled));
            _filled += count;
            bytes = bytes[count..];
            if (_filled == _blockSize)
            {
                await StageAsync(buffer, cancellationToken);
            }
        }
    }

    public async ValueTask<string?> CompleteAsync(DecodedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var buffer = Open();
        if (_filled > 0)
        {
            await StageAsync(buffer, cancellationToken);
        }

        await _blob.CommitBlockListAsync(
            _blockIds,
            new CommitBlockListOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = DocumentMetadata.ContentTypeOf(document.DetectedType) },
                Metadata = DocumentMetadata.For(_document, document),
            },
            cancellationToken);
        Finish();
        return _blob.Uri.AbsoluteUri;
    }

    public ValueTask AbandonAsync(Finding reason, CancellationToken cancellationToken)
    {
        Finish();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Finish();
        return ValueTask.CompletedTask;
    }

    /// <summary>Block ids must all have the same length within a blob: <c>block-000000</c>, Base64.</summary>
    internal static string BlockId(int index) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes("block-" + index.ToString("D6", CultureInfo.InvariantCulture)));

    private byte[] Open() =>
        _finished || _buffer is null
            ? throw new InvalidOperationException($"Document {_document.DocumentId} was already completed, abandoned or disposed.")
            : _buffer;

    private async Task StageAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var blockId = BlockId(_blockIds.Count);
        using (var block = new MemoryStream(buffer, 0, _filled, writable: false))
        {
            await _blob.StageBlockAsync(blockId, block, new BlockBlobStageBlockOptions(), cancellationToken);
        }

        _blockIds.Add(blockId);
        _filled = 0;
    }

    private void Finish()
    {
        _finished = true;
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
