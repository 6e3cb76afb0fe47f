namespace Cee.Routing.Cosmos;

/// <summary>
/// A ledger transition that lost every one of its bounded races (409 on create, 412 on replace):
/// other writers kept changing the record. Transient: the caller may retry the whole step later.
/// </summary>
public sealed class LedgerWriteConflictException : Exception
{
    public LedgerWriteConflictException()
    {
    }

    public LedgerWriteConflictException(string message)
        : base(message)
    {
    }

    public LedgerWriteConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LedgerWriteConflictException(string recordId, string step, int attempts)
        : base($"Ledger record '{recordId}': step '{step}' lost {attempts} consecutive write races; giving up for now.")
    {
        RecordId = recordId;
        Step = step;
        Attempts = attempts;
    }

    public string? RecordId { get; }

    public string? Step { get; }

    public int Attempts { get; }
}
