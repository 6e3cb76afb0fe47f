using Cee.Cli.Local.Output;

namespace Cee.Cli.Ledger;

/// <summary>A <see cref="LedgerOperation"/> with its result, answered through <see cref="Done"/>.</summary>
internal sealed class LedgerOperationOf<T>(OutputWriteKind kind, string what, Func<(T Result, bool Changed)> work) : LedgerOperation(kind, what)
{
    private T? _result;
    private bool _faulted;

    public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Run() => (_result, Changed) = work();

    public override void Complete()
    {
        if (!_faulted)
        {
            Done.TrySetResult(_result!);
        }
    }

    public override void Fault(Exception ex)
    {
        _faulted = true;
        Changed = false;
        Done.TrySetException(ex);
    }
}
