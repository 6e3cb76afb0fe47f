namespace Cee.Cli.Local.Output;

/// <summary>
/// The seam through which tests make writes into the output folder fail (a full disk, an I/O error)
/// at chosen steps. Every writer of <c>cee route</c> calls it just before its bytes or its transaction
/// would be committed; an exception thrown here is handled exactly as the real failure would be.
/// </summary>
public interface IOutputFaults
{
    /// <summary>Throws (an <see cref="IOException"/>, as the file system would) to fail this write.</summary>
    /// <param name="kind">What is being written.</param>
    /// <param name="name">The file or ledger row being written, for the fault's message.</param>
    void BeforeWrite(OutputWriteKind kind, string name);
}
