using Cee.Cli.Local.Output;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Microsoft.Data.Sqlite;

namespace Cee.Cli.Ledger;

/// <summary>
/// The one thread that uses the ledger's connection. Port calls queue an operation and await it; the
/// thread runs each operation inside one open transaction and answers at once,
/// and commits that transaction every <see cref="CommitEvery"/> operations or
/// <see cref="CommitInterval"/>, whichever comes first (group commit), and when closed. Transaction
/// boundaries fall only between operations, and commits keep their order, so a crash leaves the ledger
/// as of a prefix of the calls: never a transition without its record, never a <c>Routed</c> without its
/// claim. What a crash can lose is the last interval's calls, whose effects outside the ledger
/// (documents, quarantine, messages, all written before the call that names them) the next run writes
/// again, identically. A commit that fails (a full disk) fails every later call and the close.
/// </summary>
internal sealed class LedgerWriter : IDisposable
{
    /// <summary>Operations taken from the queue at a time.</summary>
    public const int MaxBatch = 64;

    /// <summary>Operations at most in one commit.</summary>
    public const int CommitEvery = 512;

    /// <summary>Time at most between an operation and its commit.</summary>
    public static readonly TimeSpan CommitInterval = TimeSpan.FromMilliseconds(25);

    // Records written lately, as committed: a drop's next transition finds its record here instead of
    // reading and parsing it back. Safe because this connection is the only writer (the folder lock).
    private const int RecentCapacity = 512;

    // The result codes of a write the file system refused: full, I/O error, read-only, cannot open.
    private static readonly int[] OutputFailureCodes = [13, 10, 8, 14];

    private readonly SqliteConnection _connection;
    private readonly IOutputFaults _faults;
    // A plain queue and a kernel event, not a BlockingCollection: its semaphore spins (sched_yield)
    // before it blocks, and with a commit every few hundred microseconds that spinning cost more CPU
    // than SQLite itself (measured with strace: 1.5 million sched_yield calls for 10,000 drops).
    private readonly Queue<LedgerOperation> _queue = new();
    private readonly Lock _queueGate = new();
    private readonly AutoResetEvent _queued = new(false);
    private bool _closing;
    private readonly Thread _thread;
    private readonly Dictionary<string, LedgerRecord> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();
    private readonly Dictionary<string, LedgerRecord> _pending = new(StringComparer.Ordinal);
    private readonly LedgerStatements _statements;
    private readonly List<LedgerOperation> _uncommitted = [];
    private readonly System.Diagnostics.Stopwatch _sinceFirstUncommitted = new();
    private SqliteTransaction? _transaction;
    private OutputWriteException? _failure;

    public LedgerWriter(SqliteConnection connection, IOutputFaults faults)
    {
        _connection = connection;
        _faults = faults;
        _statements = new LedgerStatements(connection);
        _thread = new Thread(Run) { IsBackground = true, Name = "cee ledger writer" };
        _thread.Start();
    }

    /// <summary>Commits every call made before it; completes when they are in the ledger (or fails as the commit did).</summary>
    public Task FlushAsync()
    {
        var operation = new LedgerOperationOf<bool>(OutputWriteKind.LedgerTransition, "the ledger", () => (true, false)) { ForcesCommit = true };
        return Enqueue(operation);
    }

    public Task<LedgerRecord?> GetAsync(string recordId) =>
        Enqueue<LedgerRecord?>(OutputWriteKind.LedgerTransition, recordId, () => (Find(recordId), false));

    /// <summary>
    /// The records of (port, DIS DocumentID). Read in the writer's open transaction, so it sees every
    /// call made before it; a record changed in this batch is taken as the batch sees it.
    /// </summary>
    public Task<IReadOnlyList<LedgerRecord>> FindBySourceDocumentAsync(string port, string sourceDocumentId) =>
        Enqueue<IReadOnlyList<LedgerRecord>>(OutputWriteKind.LedgerTransition, $"the records of {sourceDocumentId} on port {port}", () =>
            ([.. _statements.SelectBySourceDocument(port, sourceDocumentId)
                .Select(r => Find(r.Id) ?? r)
                .OrderBy(r => r.History[0].At).ThenBy(r => r.Id, StringComparer.Ordinal)], false));

    public Task<ContentClaim> ClaimAsync(ContentClaim claim)
    {
        var json = ContractJson.Serialize(claim);
        return Enqueue(OutputWriteKind.LedgerClaim, $"the content claim of {claim.DropId}", () =>
        {
            if (_statements.SelectClaim(claim.DropSha256) is { } held)
            {
                return (held, false);
            }

            _statements.InsertClaim(claim, json);
            return (claim, true);
        });
    }

    public Task<LedgerRecord> RecordAsync(LedgerTransition transition)
    {
        // The subject is the record's (written with it): the history row keeps the rest of the transition.
        var transitionJson = ContractJson.Serialize(transition with { Subject = null });
        return Enqueue(OutputWriteKind.LedgerTransition, $"the '{transition.Step}' transition of {transition.RecordId}", () =>
        {
            var current = Find(transition.RecordId);
            var result = LedgerRecord.ApplyOrCreate(current, transition);
            if (result.Outcome != LedgerApplyOutcome.Applied)
            {
                return (result.Record, false);
            }

            var record = result.Record;
            _statements.WriteRecord(record, current is null, transition, transitionJson);
            _pending[record.Id] = record;
            return (record, true);
        });
    }

    /// <summary>Commits what is left and closes the database.</summary>
    /// <exception cref="OutputWriteException">A commit failed: the calls since the last good one are not in the ledger.</exception>
    public void Dispose()
    {
        lock (_queueGate)
        {
            if (_closing)
            {
                return;
            }

            _closing = true;
        }

        _queued.Set();
        _thread.Join();
        _statements.Dispose();

        _queued.Dispose();
        _connection.Dispose();
        if (_failure is not null)
        {
            throw _failure;
        }
    }

    /// <summary>Whether <paramref name="ex"/> is the file system refusing a write (the run stops), not a defect.</summary>
    public static bool IsOutputFailure(Exception ex) =>
        ex is IOException || (ex is SqliteException sqlite && OutputFailureCodes.Contains(sqlite.SqliteErrorCode));

    /// <summary>A failed write of <paramref name="what"/> as the run reports it.</summary>
    public static OutputWriteException Failed(Exception ex, OutputWriteKind kind, string what) =>
        ex as OutputWriteException ?? new OutputWriteException($"could not write {what} to the ledger: {ex.Message}", ex) { Kind = kind };

    private Task<T> Enqueue<T>(OutputWriteKind kind, string what, Func<(T Result, bool Changed)> work) =>
        Enqueue(new LedgerOperationOf<T>(kind, what, work));

    private Task<T> Enqueue<T>(LedgerOperationOf<T> operation)
    {
        var (kind, what) = (operation.Kind, operation.What);
        lock (_queueGate)
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            if (_failure is not null)
            {
                return Task.FromException<T>(Failed(_failure, kind, what));
            }

            _queue.Enqueue(operation);
        }

        _queued.Set();
        return operation.Done.Task;
    }

    private void Run()
    {
        var batch = new List<LedgerOperation>(MaxBatch);
        while (true)
        {
            bool closing;
            lock (_queueGate)
            {
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                closing = _closing;
            }

            if (batch.Count > 0)
            {
                Execute(batch);
                batch.Clear();
                if (_uncommitted.Count >= CommitEvery || _sinceFirstUncommitted.Elapsed >= CommitInterval)
                {
                    Commit();
                }

                continue;
            }

            if (closing)
            {
                Commit();
                return;
            }

            if (_transaction is null)
            {
                _queued.WaitOne();
            }
            else if (!_queued.WaitOne(CommitInterval - _sinceFirstUncommitted.Elapsed is { Ticks: > 0 } left ? left : TimeSpan.Zero))
            {
                Commit();
            }
        }
    }

    private void Execute(List<LedgerOperation> batch)
    {
        if (_failure is not null)
        {
            foreach (var operation in batch)
            {
                operation.Fault(Failed(_failure, operation.Kind, operation.What));
            }

            return;
        }

        try
        {
            foreach (var operation in batch)
            {
                if (_failure is not null)
                {
                    operation.Fault(_failure);
                    continue;
                }

                if (_transaction is null)
                {
                    _transaction = _connection.BeginTransaction();
                    _statements.Transaction = _transaction;
                    _sinceFirstUncommitted.Restart();
                }

                // No savepoint per operation (two more statements per call, parsed each time, for no gain):
                // an operation fails for its own reason only before it writes (the transition rules, the
                // JSON); an SQLite error during its writes fails the whole uncommitted group instead.
                try
                {
                    operation.Run();
                    _uncommitted.Add(operation);
                    if (operation.ForcesCommit)
                    {
                        Commit();
                        if (_failure is not null)
                        {
                            operation.Fault(_failure);
                            continue;
                        }
                    }

                    operation.Complete();
                }
                catch (Exception ex) when (!IsOutputFailure(ex) && ex is not SqliteException)
                {
                    operation.Fault(ex);
                }
            }
        }
        catch (Exception ex) when (ex is SqliteException or IOException)
        {
            Fail(ex, batch);
        }
    }

    // The fault seam is asked about each write first, as the disk would refuse the commit.
    private void Commit()
    {
        if (_transaction is null)
        {
            return;
        }

        try
        {
            foreach (var operation in _uncommitted.Where(o => o.Changed))
            {
                _faults.BeforeWrite(operation.Kind, operation.What);
            }

            _transaction.Commit();
            _transaction.Dispose();
            _transaction = null;
            foreach (var record in _pending.Values)
            {
                Remember(record);
            }

            _pending.Clear();
            _uncommitted.Clear();
        }
        catch (Exception ex) when (IsOutputFailure(ex))
        {
            Fail(ex, []);
        }
    }

    // Nothing since the last commit is in the ledger; every later call fails the same way.
    private void Fail(Exception ex, List<LedgerOperation> batch)
    {
        var what = _uncommitted.FirstOrDefault(o => o.Changed) ?? batch.FirstOrDefault();
        _failure = Failed(ex, what?.Kind ?? OutputWriteKind.LedgerTransition, what?.What ?? "the ledger");
        try
        {
            _transaction?.Dispose();
        }
        catch (SqliteException)
        {
            // The rollback of a transaction the disk refused: nothing more to undo.
        }

        _transaction = null;
        _pending.Clear();
        _uncommitted.Clear();
        foreach (var operation in batch)
        {
            operation.Fault(_failure);
        }
    }

    // The record as this batch sees it: written earlier in the batch, remembered, or stored.
    private LedgerRecord? Find(string recordId)
    {
        if (_pending.TryGetValue(recordId, out var pending) || _recent.TryGetValue(recordId, out pending))
        {
            return pending;
        }

        return _statements.SelectRecord(recordId);
    }

    private void Remember(LedgerRecord record)
    {
        if (_recent.TryAdd(record.Id, record))
        {
            _recentOrder.Enqueue(record.Id);
            if (_recentOrder.Count > RecentCapacity)
            {
                _recent.Remove(_recentOrder.Dequeue());
            }
        }
        else
        {
            _recent[record.Id] = record;
        }
    }
}
