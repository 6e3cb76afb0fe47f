using Cee.Routing.Drops;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;

namespace Cee.Cli.Local;

/// <summary>
/// Makes "of several drops with the same content, the first by path routes" hold however the drops'
/// reading interleaves: a drop's content claim waits until every drop before it (in path order) has
/// claimed or finished, so claims are made in path order while the reading runs in parallel. Nothing
/// is read twice and nothing is hashed ahead: the hash is the one intake takes as it reads.
/// A decorator over the ledger port; transitions pass straight through.
/// </summary>
internal sealed class PathOrderedClaims : IRoutingLedger
{
    private readonly IRoutingLedger _inner;
    private readonly Dictionary<string, int> _indexOf;
    private readonly bool[] _passed;
    private readonly SortedDictionary<int, TaskCompletionSource> _waiting = [];
    private readonly Lock _gate = new();
    private int _watermark;
    private bool _stopped;

    public PathOrderedClaims(IRoutingLedger inner, IReadOnlyList<DropReference> drops)
    {
        _inner = inner;
        _passed = new bool[drops.Count];
        _indexOf = new Dictionary<string, int>(drops.Count, StringComparer.Ordinal);
        for (var i = 0; i < drops.Count; i++)
        {
            _indexOf.TryAdd(drops[i].DropId, i);
        }
    }

    public Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken) => _inner.GetAsync(recordId, cancellationToken);

    public Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken) => _inner.RecordAsync(transition, cancellationToken);

    public async Task<ContentClaim> ClaimContentAsync(ContentClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (!_indexOf.TryGetValue(claim.DropId, out var index))
        {
            return await _inner.ClaimContentAsync(claim, cancellationToken);
        }

        await TurnOfAsync(index, cancellationToken);
        try
        {
            return await _inner.ClaimContentAsync(claim, cancellationToken);
        }
        finally
        {
            Pass(index);
        }
    }

    /// <summary>The drop at <paramref name="index"/> claims nothing more (it claimed, or it ended): the next may go.</summary>
    public void Pass(int index)
    {
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            if (_passed[index])
            {
                return;
            }

            _passed[index] = true;
            while (_watermark < _passed.Length && _passed[_watermark])
            {
                _watermark++;
            }

            while (_waiting.Count > 0 && _waiting.First() is var (waiter, turn) && waiter <= _watermark)
            {
                _waiting.Remove(waiter);
                ready.Add(turn);
            }
        }

        foreach (var turn in ready)
        {
            turn.TrySetResult();
        }
    }

    /// <summary>The run stops (an output write failed): no drop waiting for its turn claims anything.</summary>
    public void Stop()
    {
        List<TaskCompletionSource> waiting;
        lock (_gate)
        {
            _stopped = true;
            waiting = [.. _waiting.Values];
            _waiting.Clear();
        }

        foreach (var turn in waiting)
        {
            turn.TrySetCanceled();
        }
    }

    private async Task TurnOfAsync(int index, CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        lock (_gate)
        {
            if (_stopped)
            {
                throw new OperationCanceledException("the run is stopping");
            }

            if (_watermark >= index)
            {
                return;
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[index] = turn;
        }

        await turn.Task.WaitAsync(cancellationToken);
        lock (_gate)
        {
            if (_stopped)
            {
                throw new OperationCanceledException("the run is stopping");
            }
        }
    }
}
