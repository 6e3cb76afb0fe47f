using Cee.Routing.Documents;
using Cee.Routing.Intake;

namespace Cee.Routing.Tests.Support;

/// <summary>A sink that keeps every document in memory and records how each target ended.</summary>
internal sealed class InMemoryDocumentSink : IDocumentSink
{
    public List<Target> Targets { get; } = [];

    public IEnumerable<Target> Completed => Targets.Where(t => t.Outcome == TargetOutcome.Completed);

    public ValueTask<IDocumentTarget> OpenAsync(PendingDocument document, CancellationToken cancellationToken)
    {
        var target = new Target(document);
        Targets.Add(target);
        return ValueTask.FromResult<IDocumentTarget>(target);
    }

    public byte[] BytesOf(string documentId) => Targets.Single(t => t.Pending.DocumentId == documentId && t.Outcome == TargetOutcome.Completed).Bytes.ToArray();

    internal enum TargetOutcome
    {
        Open,
        Completed,
        Abandoned,
        DisposedUnfinished,
    }

    internal sealed class Target(PendingDocument pending) : IDocumentTarget
    {
        public PendingDocument Pending { get; } = pending;

        public MemoryStream Bytes { get; } = new();

        public TargetOutcome Outcome { get; private set; }

        public DecodedDocument? Decoded { get; private set; }

        public Finding? AbandonReason { get; private set; }

        public bool Disposed { get; private set; }

        public int Writes { get; private set; }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            Assert.Equal(TargetOutcome.Open, Outcome);
            Writes++;
            Bytes.Write(bytes.Span);
            return ValueTask.CompletedTask;
        }

        public ValueTask<string?> CompleteAsync(DecodedDocument document, CancellationToken cancellationToken)
        {
            Assert.Equal(TargetOutcome.Open, Outcome);
            Outcome = TargetOutcome.Completed;
            Decoded = document;
            return ValueTask.FromResult<string?>($"memory://documents/{Pending.DocumentId}");
        }

        public ValueTask AbandonAsync(Finding reason, CancellationToken cancellationToken)
        {
            Assert.Equal(TargetOutcome.Open, Outcome);
            Outcome = TargetOutcome.Abandoned;
            AbandonReason = reason;
            Bytes.SetLength(0);
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (Outcome == TargetOutcome.Open)
            {
                Outcome = TargetOutcome.DisposedUnfinished;
            }

            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
