using Cee.Routing.Intake;

namespace Cee.Routing.Documents;

/// <summary>
/// The destination of one document, opened by <see cref="IDocumentSink.OpenAsync"/>. The reader calls
/// <see cref="WriteAsync"/> zero or more times, then exactly one of <see cref="CompleteAsync"/> or
/// <see cref="AbandonAsync"/>, then disposes it. Disposed without either (cancellation, an I/O failure
/// of the drop), the target must discard what it holds, as for <see cref="AbandonAsync"/>.
/// </summary>
public interface IDocumentTarget : IAsyncDisposable
{
    /// <summary>
    /// Appends decoded bytes. The memory is a pooled buffer the reader reuses: it is valid only until
    /// the returned task completes, so copy it (or finish with it) before returning.
    /// </summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>Every byte was written and the document is sound: keep it and say where it is (null when it is not stored).</summary>
    ValueTask<string?> CompleteAsync(DecodedDocument document, CancellationToken cancellationToken);

    /// <summary>The document could not be decoded (invalid Base64, too large…): discard any partial output.</summary>
    ValueTask AbandonAsync(Finding reason, CancellationToken cancellationToken);
}
