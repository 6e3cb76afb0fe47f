using Cee.Routing.Drops;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;

namespace Cee.Cli.Local;

/// <summary>
/// Makes "of several drops with the same content, the first by path routes" hold however the drops'
/// reading interleaves: a drop's content claim waits until every drop before it (in path order) that
/// could have the same content has claimed or ended, so those claims are made in path order while the
/// reading runs in parallel. Nothing is read twice and nothing is hashed ahead: the hash is the one
/// intake takes as it reads. Drops of another size cannot have the same content (a DIS drop's hash is
/// its file's; a bare drop's covers its file's), so only drops of the same size, as the folder listing
/// saw it, wait for each other. A decorator over the ledger port; transitions pass straight through.
/// <para>
/// A withdrawal's lookup of the document it names waits in the same spirit: until every drop before it
/// in path order has ended, so a withdrawal sorted after its document (in this run) always finds it
/// routed, however the run interleaves. The drop asking is the one <see cref="Enter"/> named on its flow.
/// </para>
/// </summary>
internal sealed class PathOrderedClaims : IRoutingLedger
{
    private readonly IRoutingLedger _inner;
    private readonly Dictionary<string, int> _indexOf;
    private readonly SizeGroup[] _groupOf;
    private readonly int[] _positionOf;
    private readonly TaskCompletionSource[] _ended;
    private readonly AsyncLocal<int?> _current = new();
    private readonly Lock _gate = new();
    private bool _stopped;

    public PathOrderedClaims(IRoutingLedger inner, IReadOnlyList<DropReference> drops)
    {
        _inner = inner;
        _indexOf = new Dictionary<string, int>(drops.Count, StringComparer.Ordinal);
        _groupOf = new SizeGroup[drops.Count];
        _positionOf = new int[drops.Count];
        _ended = [.. drops.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
        var groups = new Dictionary<long, List<int>>();
        for (var i = 0; i < drops.Count; i++)
        {
            _indexOf.TryAdd(drops[i].DropId, i);
            var size = DropFileStatus.SizeOf(drops[i].ContentVersion) ?? -1;
            if (!groups.TryGetValue(size, out var members))
            {
                groups[size] = members = [];
            }

            _positionOf[i] = members.Count;
            members.Add(i);
        }

        foreach (var members in groups.Values)
        {
            var group = new SizeGroup(members.Count);
            foreach (var i in members)
            {
                _groupOf[i] = group;
            }
        }
    }

    public Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken) => _inner.GetAsync(recordId, cancellationToken);

    public Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken) => _inner.RecordAsync(transition, cancellationToken);

    /// <summary>The drop at <paramref name="index"/> runs on the calling flow (its lookups wait for the drops before it).</summary>
    public void Enter(int index) => _current.Value = index;

    /// <summary>The drop at <paramref name="index"/> ended (routed, rejected, failed): lookups after it may go on.</summary>
    public void End(int index) => _ended[index].TrySetResult();

    public async Task<IReadOnlyList<LedgerRecord>> FindBySourceDocumentAsync(string port, string sourceDocumentId, CancellationToken cancellationToken)
    {
        if (_current.Value is { } index)
        {
            await Task.WhenAll(_ended.Take(index).Select(e => e.Task)).WaitAsync(cancellationToken);
        }

        return await _inner.FindBySourceDocumentAsync(port, sourceDocumentId, cancellationToken);
    }

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

    /// <summary>The drop at <paramref name="index"/> claims nothing more (it claimed, or it ended): the next of its size may go.</summary>
    public void Pass(int index)
    {
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            _groupOf[index].Pass(_positionOf[index], ready);
        }

        foreach (var turn in ready)
        {
            turn.TrySetResult();
        }
    }

    /// <summary>The run stops (an output write failed): no drop waiting for its turn claims anything.</summary>
    public void Stop()
    {
        List<TaskCompletionSource> waiting = [];
        lock (_gate)
        {
            _stopped = true;
            foreach (var group in _groupOf.Distinct())
            {
                group.TakeWaiting(waiting);
            }
        }

        foreach (var ended in _ended)
        {
            ended.TrySetCanceled();
        }

        foreach (var turn in waiting)
        {
            turn.TrySetCanceled();
        }
    }

    private async Task TurnOfAsync(int index, CancellationToken cancellationToken)
    {
        TaskCompletionSource? turn;
        lock (_gate)
        {
            if (_stopped)
            {
                throw new OperationCanceledException("the run is stopping");
            }

            turn = _groupOf[index].Wait(_positionOf[index]);
        }

        if (turn is null)
        {
            return;
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

    /// <summary>The drops of one size, in path order: which have passed, and who waits. Used under the caller's lock.</summary>
    private sealed class SizeGroup(int count)
    {
        private readonly bool[] _passed = new bool[count];
        private readonly SortedDictionary<int, TaskCompletionSource> _waiting = [];
        private int _watermark;

        public void Pass(int position, List<TaskCompletionSource> ready)
        {
            if (_passed[position])
            {
                return;
            }

            _passed[position] = true;
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

        /// <summary>Null when every earlier drop of this size has passed; else the turn to wait for.</summary>
        public TaskCompletionSource? Wait(int position)
        {
            if (_watermark >= position)
            {
                return null;
            }

            var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[position] = turn;
            return turn;
        }

        public void TakeWaiting(List<TaskCompletionSource> into)
        {
            into.AddRange(_waiting.Values);
            _waiting.Clear();
        }
    }
}
