namespace Cee.Cli.Local.Output;

/// <summary>
/// Writing into the output folder failed (no space left, an I/O error, a read-only folder): not the
/// drop's fault, and every later write would most likely fail too, so the run stops and a later run
/// resumes from the ledger.
/// </summary>
public sealed class OutputWriteException : IOException
{
    public OutputWriteException()
    {
    }

    public OutputWriteException(string message)
        : base(message)
    {
    }

    public OutputWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What was being written.</summary>
    public OutputWriteKind Kind { get; init; }
}
