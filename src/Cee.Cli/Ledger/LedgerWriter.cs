using System.Globalization;
using Cee.Cli.Local.Output;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Microsoft.Data.Sqlite;

namespace Cee.Cli.Ledger;

/// <summary>
/// The one thread that uses the ledger's connection. Port calls queue an operation and await it; the
/// thread runs each operation in its own savepoint inside one open transaction and answers at once,
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
    private readonly Queue<Operation> _queue = new();
    private readonly Lock _queueGate = new();
    private readonly AutoResetEvent _queued = new(false);
    private bool _closing;
    private readonly Thread _thread;
    private readonly Dictionary<string, LedgerRecord> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();
    private readonly Dictionary<string, LedgerRecord> _pending = new(StringComparer.Ordinal);
    private readonly SqliteCommand _selectRecord;
    private readonly SqliteCommand _insertRecord;
    private readonly SqliteCommand _updateRecord;
    private readonly SqliteCommand _insertEntry;
    private readonly SqliteCommand _insertTransition;
    private readonly SqliteCommand _selectClaim;
    private readonly SqliteCommand _insertClaim;
    private readonly List<Operation> _uncommitted = [];
    private readonly System.Diagnostics.Stopwatch _sinceFirstUncommitted = new();
    private SqliteTransaction? _transaction;
    private OutputWriteException? _failure;

    public LedgerWriter(SqliteConnection connection, IOutputFaults faults)
    {
        _connection = connection;
        _faults = faults;
        _selectRecord = Prepare("SELECT json FROM records WHERE id = $id;", "$id");
        _insertRecord = Prepare(
            "INSERT INTO records (id, state, center, drop_id, source, document_id, source_document_id, updated_at, revision, json) " +
            "VALUES ($id, $state, $center, $drop, $source, $document, $sourceDocument, $at, 1, $json);",
            "$id", "$state", "$center", "$drop", "$source", "$document", "$sourceDocument", "$at", "$json");
        _updateRecord = Prepare(
            "UPDATE records SET state = $state, center = $center, updated_at = $at, revision = revision + 1, json = $json WHERE id = $id;",
            "$id", "$state", "$center", "$at", "$json");
        _insertEntry = Prepare("INSERT OR IGNORE INTO record_entries (entry, record_id) VALUES ($entry, $id);", "$entry", "$id");
        _insertTransition = Prepare(
            "INSERT INTO transitions (record_id, step, state, at, json) VALUES ($id, $step, $state, $at, $json);",
            "$id", "$step", "$state", "$at", "$json");
        _selectClaim = Prepare("SELECT json FROM content_claims WHERE drop_sha256 = $sha;", "$sha");
        _insertClaim = Prepare(
            "INSERT INTO content_claims (drop_sha256, drop_id, record_id, json) VALUES ($sha, $drop, $record, $json);",
            "$sha", "$drop", "$record", "$json");
        _thread = new Thread(Run) { IsBackground = true, Name = "cee ledger writer" };
        _thread.Start();
    }

    /// <summary>Commits every call made before it; completes when they are in the ledger (or fails as the commit did).</summary>
    public Task FlushAsync()
    {
        var operation = new Operation<bool>(OutputWriteKind.LedgerTransition, "the ledger", () => (true, false)) { ForcesCommit = true };
        return Enqueue(operation);
    }

    public Task<LedgerRecord?> GetAsync(string recordId) =>
        Enqueue<LedgerRecord?>(OutputWriteKind.LedgerTransition, recordId, () => (Find(recordId), false));

    public Task<ContentClaim> ClaimAsync(ContentClaim claim)
    {
        var json = ContractJson.Serialize(claim);
        return Enqueue(OutputWriteKind.LedgerClaim, $"the content claim of {claim.DropId}", () =>
        {
            _selectClaim.Parameters[0].Value = claim.DropSha256;
            if (Run(_selectClaim).ExecuteScalar() is string held)
            {
                return (ContractJson.Deserialize<ContentClaim>(held), false);
            }

            Bind(_insertClaim, claim.DropSha256, claim.DropId, claim.RecordId, json);
            Run(_insertClaim).ExecuteNonQuery();
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
            var recordJson = ContractJson.Serialize(record);
            var at = record.UpdatedAt.ToString("O", CultureInfo.InvariantCulture);
            var state = record.State.ToString();
            if (current is null)
            {
                Bind(_insertRecord, record.Id, state, record.Center, record.Subject.DropId, record.Subject.Source,
                    record.Subject.Document?.Id, record.Subject.Document?.SourceDocumentId, at, recordJson);
                Run(_insertRecord).ExecuteNonQuery();
                foreach (var entry in record.Subject.Entries.Distinct(StringComparer.Ordinal))
                {
                    Bind(_insertEntry, entry, record.Id);
                    Run(_insertEntry).ExecuteNonQuery();
                }
            }
            else
            {
                Bind(_updateRecord, record.Id, state, record.Center, at, recordJson);
                Run(_updateRecord).ExecuteNonQuery();
            }

            Bind(_insertTransition, record.Id, transition.Step, transition.State.ToString(), transition.At.ToString("O", CultureInfo.InvariantCulture), transitionJson);
            Run(_insertTransition).ExecuteNonQuery();
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
        foreach (var command in new[] { _selectRecord, _insertRecord, _updateRecord, _insertEntry, _insertTransition, _selectClaim, _insertClaim })
        {
            command.Dispose();
        }

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
        Enqueue(new Operation<T>(kind, what, work));

    private Task<T> Enqueue<T>(Operation<T> operation)
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
        var batch = new List<Operation>(MaxBatch);
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

    private void Execute(List<Operation> batch)
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
    private void Fail(Exception ex, List<Operation> batch)
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

        _selectRecord.Parameters[0].Value = recordId;
        return Run(_selectRecord).ExecuteScalar() is string json ? ContractJson.Deserialize<LedgerRecord>(json) : null;
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

    private SqliteCommand Run(SqliteCommand command)
    {
        command.Transaction = _transaction;
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private abstract class Operation(OutputWriteKind kind, string what)
    {
        public OutputWriteKind Kind { get; } = kind;

        public string What { get; } = what;

        public bool Changed { get; protected set; }

        /// <summary>Commit once this has run, before answering it (a flush).</summary>
        public bool ForcesCommit { get; init; }

        public abstract void Run();

        public abstract void Complete();

        public abstract void Fault(Exception ex);
    }

    private sealed class Operation<T>(OutputWriteKind kind, string what, Func<(T Result, bool Changed)> work) : Operation(kind, what)
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
}
