namespace Cee.Routing.Documents;

/// <summary>
/// Where the decoded documents of a drop go: a blob container, a folder, or nowhere
/// (<see cref="NullDocumentSink"/>). The reader never holds a document whole: it opens a target per
/// document, writes the decoded bytes chunk by chunk, then completes or abandons the target.
/// </summary>
/// <remarks>
/// Opening the same document id twice (a redelivered drop) must replace, not duplicate: ids are
/// deterministic (<see cref="Drops.DropIds.DocumentId"/>), so an implementation can write to
/// <c>documents/{DocumentId}</c> and let a retry overwrite it.
/// </remarks>
public interface IDocumentSink
{
    /// <summary>Opens the destination of one document before any of its bytes are decoded.</summary>
    ValueTask<IDocumentTarget> OpenAsync(PendingDocument document, CancellationToken cancellationToken);
}
