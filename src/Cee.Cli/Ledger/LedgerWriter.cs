using System.Collections.Concurrent;
using System.Globalization;
using Cee.Cli.Local.Output;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Microsoft.Data.Sqlite;

namespace Cee.Cli.Ledger;

/// <summary>
/// The one thread that uses the ledger's connection. Port calls queue an operation and await it; the
/// thread takes what is queued (up to <see cref="MaxBatch"/>), runs each operation in its own savepoint,
/// asks the fault seam about each write, and commits them together (group commit). Each operation's
/// writes stay all-or-nothing and in order: a crash leaves a prefix of the commits, and a caller hears
/// "done" only once its writes are committed. No caller thread ever waits on a lock for SQLite.
/// </summary>
internal sealed class LedgerWriter : IDisposable
{
    /// <summary>Operations committed together at most.</summary>
    public const int MaxBatch = 64;

    // Records written lately, as committed: a drop's next transition finds its record here instead of
    // reading and parsing it back. Safe because this connection is the only writer (the folder lock).
    private const int RecentCapacity = 512;

    // The result codes of a write the file system refused: full, I/O error, read-only, cannot open.
    private static readonly int[] OutputFailureCodes = [13, 10, 8, 14];

    private readonly SqliteConnection _connection;
    private readonly IOutputFaults _faults;
    private readonly BlockingCollection<Operation> _queue = [];
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
    private SqliteTransaction? _transaction;

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
        var transitionJson = ContractJson.Serialize(transition);
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

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        foreach (var command in new[] { _selectRecord, _insertRecord, _updateRecord, _insertEntry, _insertTransition, _selectClaim, _insertClaim })
        {
            command.Dispose();
        }

        _queue.Dispose();
        _connection.Dispose();
    }

    /// <summary>Whether <paramref name="ex"/> is the file system refusing a write (the run stops), not a defect.</summary>
    public static bool IsOutputFailure(Exception ex) =>
        ex is IOException || (ex is SqliteException sqlite && OutputFailureCodes.Contains(sqlite.SqliteErrorCode));

    /// <summary>A failed write of <paramref name="what"/> as the run reports it.</summary>
    public static OutputWriteException Failed(Exception ex, OutputWriteKind kind, string what) =>
        ex as OutputWriteException ?? new OutputWriteException($"could not write {what} to the ledger: {ex.Message}", ex) { Kind = kind };

    private Task<T> Enqueue<T>(OutputWriteKind kind, string what, Func<(T Result, bool Changed)> work)
    {
        var operation = new Operation<T>(kind, what, work);
        _queue.Add(operation);
        return operation.Done.Task;
    }

    private void Run()
    {
        var batch = new List<Operation>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Clear();
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var more))
            {
                batch.Add(more);
            }

            Execute(batch);
        }
    }

    private void Execute(List<Operation> batch)
    {
        _pending.Clear();
        try
        {
            using (_transaction = _connection.BeginTransaction())
            {
                foreach (var operation in batch)
                {
                    // Its own savepoint: an operation that fails for its own reason takes back only its writes.
                    _transaction.Save("op");
                    try
                    {
                        operation.Run();
                        _transaction.Release("op");
                    }
                    catch (Exception ex) when (!IsOutputFailure(ex))
                    {
                        _transaction.Rollback("op");
                        _transaction.Release("op");
                        operation.Fault(ex);
                    }
                }

                foreach (var operation in batch.Where(o => o.Changed))
                {
                    _faults.BeforeWrite(operation.Kind, operation.What);
                }

                _transaction.Commit();
            }
        }
        catch (Exception ex) when (IsOutputFailure(ex))
        {
            // Nothing of the batch is committed: every operation in it failed as the disk did.
            _pending.Clear();
            foreach (var operation in batch)
            {
                operation.Fault(Failed(ex, operation.Kind, operation.What));
            }

            return;
        }
        finally
        {
            _transaction = null;
        }

        foreach (var record in _pending.Values)
        {
            Remember(record);
        }

        foreach (var operation in batch)
        {
            operation.Complete();
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
