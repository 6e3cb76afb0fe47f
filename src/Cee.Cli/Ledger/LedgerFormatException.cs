namespace Cee.Cli.Ledger;

/// <summary>The ledger file is not one this <c>cee</c> can use (not a ledger, or a newer schema).</summary>
public sealed class LedgerFormatException : Exception
{
    public LedgerFormatException()
    {
    }

    public LedgerFormatException(string message)
        : base(message)
    {
    }

    public LedgerFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
