using Cee.Cli.Local.Output;

namespace Cee.Cli.Ledger;

/// <summary>One queued call to the ledger writer: what it writes (for the fault seam and messages) and how it ends.</summary>
internal abstract class LedgerOperation(OutputWriteKind kind, string what)
{
    public OutputWriteKind Kind { get; } = kind;

    public string What { get; } = what;

    /// <summary>Whether running it wrote something (so the commit must ask the fault seam about it).</summary>
    public bool Changed { get; protected set; }

    /// <summary>Commit once this has run, before answering it (a flush).</summary>
    public bool ForcesCommit { get; init; }

    public abstract void Run();

    public abstract void Complete();

    public abstract void Fault(Exception ex);
}
