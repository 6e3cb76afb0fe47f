using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Cee.Routing.Documents;

namespace Cee.Functions.Storage;

/// <summary>
/// Stores the decoded documents of a drop as block blobs <c>documents/{documentId}</c>. Each
/// document's bytes are staged in blocks as the reader decodes them and become the blob only when
/// the reader completes the document (one Put Block List with its content type and metadata), so
/// an abandoned or interrupted document never replaces anything: its staged blocks are never
/// committed and the service discards them. Document ids are deterministic, so a repeated read of
/// the same drop commits the same bytes under the same name.
/// </summary>
/// <remarks>
/// Explicit staging rather than <see cref="BlockBlobClient.OpenWriteAsync(bool, Azure.Storage.Blobs.Models.BlockBlobOpenWriteOptions, CancellationToken)"/>:
/// that stream commits whatever it holds when it is disposed, which is the opposite of abandoning.
/// </remarks>
public sealed class BlobDocumentSink : IDocumentSink
{
    /// <summary>Bytes per staged block (4 MiB): one buffer per open document.</summary>
    public const int DefaultBlockSize = 4 * 1024 * 1024;

    private readonly BlobContainerClient _documents;
    private readonly int _blockSize;

    public BlobDocumentSink(BlobContainerClient documents, int blockSize = DefaultBlockSize)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        _documents = documents;
        _blockSize = blockSize;
    }

    public ValueTask<IDocumentTarget> OpenAsync(PendingDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var blob = _documents.GetBlockBlobClient(document.DocumentId);
        return ValueTask.FromResult<IDocumentTarget>(new BlobDocumentTarget(blob, document, _blockSize));
    }
}
