using Cee.Routing.Intake;

namespace Cee.Routing.Documents;

/// <summary>
/// A sink that keeps nothing: the reader still decodes, hashes and types every document, so
/// <c>cee inspect</c> reports sizes and SHA-256 without writing a byte anywhere.
/// </summary>
public sealed class NullDocumentSink : IDocumentSink
{
    private NullDocumentSink()
    {
    }

    public static NullDocumentSink Instance { get; } = new();

    public ValueTask<IDocumentTarget> OpenAsync(PendingDocument document, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IDocumentTarget>(DiscardingTarget.Instance);

    /// <summary>Stateless, so one instance serves every document.</summary>
    private sealed class DiscardingTarget : IDocumentTarget
    {
        public static DiscardingTarget Instance { get; } = new();

        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<string?> CompleteAsync(DecodedDocument document, CancellationToken cancellationToken) =>
            ValueTask.FromResult<string?>(null);

        public ValueTask AbandonAsync(Finding reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
