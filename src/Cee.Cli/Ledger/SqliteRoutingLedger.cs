using System.Globalization;
using System.Text;
using Cee.Cli.Local.Output;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Ports;
using Microsoft.Data.Sqlite;

namespace Cee.Cli.Ledger;

/// <summary>
/// The routing ledger of the <c>cee</c> verbs: one SQLite database, <c>&lt;out&gt;/ledger.db</c>, in WAL
/// mode. Every port call is one transaction: a transition, its record and (for the first) the record's
/// entry index commit together or not at all; a content claim commits alone, before any transition
/// that relies on it. A process killed at any moment leaves the ledger as of its last commit, and the
/// next run goes on from there (see docs/adr/0008-sqlite-ledger.md).
/// <para>
/// One connection, used under a lock: SQLite has one writer at a time anyway, and a writer holds the
/// output folder's <see cref="Local.OutFolderLock"/>, so there is no other writer to race. Readers in
/// other processes (<c>cee status</c>) read the last commit while a run writes.
/// </para>
/// </summary>
public sealed class SqliteRoutingLedger : IRoutingLedger, IDisposable
{
    public const string FileName = "ledger.db";

    // The result codes of a write the file system refused: full, I/O error, read-only, cannot open.
    private static readonly int[] OutputFailureCodes = [13, 10, 8, 14];

    private readonly SqliteConnection _connection;
    private readonly IOutputFaults _faults;
    private readonly Lock _gate = new();
    private readonly SqliteCommand _selectRecord;
    private readonly SqliteCommand _insertRecord;
    private readonly SqliteCommand _updateRecord;
    private readonly SqliteCommand _insertEntry;
    private readonly SqliteCommand _insertTransition;
    private readonly SqliteCommand _selectClaim;
    private readonly SqliteCommand _insertClaim;

    private SqliteRoutingLedger(SqliteConnection connection, string path, IOutputFaults faults)
    {
        _connection = connection;
        _faults = faults;
        Path = path;
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
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the ledger for writing (creating and migrating it as needed). The caller holds the output
    /// folder's <see cref="Local.OutFolderLock"/>.
    /// </summary>
    /// <exception cref="LedgerFormatException">The file is not a ledger this cee can use.</exception>
    /// <exception cref="OutputWriteException">The database could not be created or written.</exception>
    public static SqliteRoutingLedger Open(string path, IOutputFaults? faults = null)
    {
        var connection = Connect(path, SqliteOpenMode.ReadWriteCreate);
        try
        {
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            if (LedgerSchema.VersionOf(connection) == 0 && Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_schema;"), CultureInfo.InvariantCulture) > 0)
            {
                throw new LedgerFormatException($"{path} is an SQLite database but not a cee ledger.");
            }

            LedgerSchema.Migrate(connection);
            return new SqliteRoutingLedger(connection, path, faults ?? NoOutputFaults.Instance);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw ex.SqliteErrorCode == 26
                ? new LedgerFormatException($"{path} is not a cee ledger: {ex.Message}", ex)
                : Translate(ex, OutputWriteKind.LedgerTransition, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing ledger to read it (<c>cee status</c>); it may be written by a run at the same time.</summary>
    /// <exception cref="FileNotFoundException">There is no ledger at <paramref name="path"/>.</exception>
    public static LedgerReader OpenReader(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"there is no ledger at {path}", path);
        }

        var connection = Connect(path, SqliteOpenMode.ReadOnly);
        try
        {
            var version = LedgerSchema.VersionOf(connection);
            if (version is < 1 or > LedgerSchema.CurrentVersion)
            {
                throw new LedgerFormatException($"{path} is not a ledger this cee can read (schema {version}).");
            }

            return new LedgerReader(connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new LedgerFormatException($"{path} is not a cee ledger: {ex.Message}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordId);
        string? json;
        lock (_gate)
        {
            _selectRecord.Transaction = null;
            _selectRecord.Parameters[0].Value = recordId;
            json = _selectRecord.ExecuteScalar() as string;
        }

        return Task.FromResult(json is null ? null : ContractJson.Deserialize<LedgerRecord>(json));
    }

    public Task<ContentClaim> ClaimContentAsync(ContentClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var json = ContractJson.Serialize(claim);
        lock (_gate)
        {
            try
            {
                using var transaction = _connection.BeginTransaction();
                _selectClaim.Transaction = transaction;
                _selectClaim.Parameters[0].Value = claim.DropSha256;
                if (_selectClaim.ExecuteScalar() is string held)
                {
                    return Task.FromResult(ContractJson.Deserialize<ContentClaim>(held));
                }

                _insertClaim.Transaction = transaction;
                Bind(_insertClaim, claim.DropSha256, claim.DropId, claim.RecordId, json);
                _insertClaim.ExecuteNonQuery();
                _faults.BeforeWrite(OutputWriteKind.LedgerClaim, claim.DropSha256);
                transaction.Commit();
                return Task.FromResult(claim);
            }
            catch (Exception ex) when (ex is SqliteException or IOException)
            {
                throw Translate(ex, OutputWriteKind.LedgerClaim, $"the content claim of {claim.DropId}");
            }
        }
    }

    public Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var transitionJson = ContractJson.Serialize(transition);
        lock (_gate)
        {
            try
            {
                using var transaction = _connection.BeginTransaction();
                _selectRecord.Transaction = transaction;
                _selectRecord.Parameters[0].Value = transition.RecordId;
                var current = _selectRecord.ExecuteScalar() is string json ? ContractJson.Deserialize<LedgerRecord>(json) : null;
                var result = LedgerRecord.ApplyOrCreate(current, transition);
                if (result.Outcome != LedgerApplyOutcome.Applied)
                {
                    return Task.FromResult(result.Record);
                }

                var record = result.Record;
                var recordJson = ContractJson.Serialize(record);
                var at = record.UpdatedAt.ToString("O", CultureInfo.InvariantCulture);
                var state = record.State.ToString();
                if (current is null)
                {
                    _insertRecord.Transaction = transaction;
                    Bind(_insertRecord, record.Id, state, record.Center, record.Subject.DropId, record.Subject.Source,
                        record.Subject.Document?.Id, record.Subject.Document?.SourceDocumentId, at, recordJson);
                    _insertRecord.ExecuteNonQuery();
                    _insertEntry.Transaction = transaction;
                    foreach (var entry in record.Subject.Entries.Distinct(StringComparer.Ordinal))
                    {
                        Bind(_insertEntry, entry, record.Id);
                        _insertEntry.ExecuteNonQuery();
                    }
                }
                else
                {
                    _updateRecord.Transaction = transaction;
                    Bind(_updateRecord, record.Id, state, record.Center, at, recordJson);
                    _updateRecord.ExecuteNonQuery();
                }

                _insertTransition.Transaction = transaction;
                Bind(_insertTransition, record.Id, transition.Step, transition.State.ToString(), transition.At.ToString("O", CultureInfo.InvariantCulture), transitionJson);
                _insertTransition.ExecuteNonQuery();
                _faults.BeforeWrite(OutputWriteKind.LedgerTransition, $"{record.Id} {transition.Step}");
                transaction.Commit();
                return Task.FromResult(record);
            }
            catch (Exception ex) when (ex is SqliteException or IOException)
            {
                throw Translate(ex, OutputWriteKind.LedgerTransition, $"the '{transition.Step}' transition of {transition.RecordId}");
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var command in new[] { _selectRecord, _insertRecord, _updateRecord, _insertEntry, _insertTransition, _selectClaim, _insertClaim })
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }

    internal static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            // No pool: closing the ledger must close the file (and checkpoint the WAL) before the folder lock goes.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    // A write the file system refused is the output's failure (the run stops and resumes later); any
    // other SQLite error is a defect and escapes as it is.
    private static Exception Translate(Exception ex, OutputWriteKind kind, string what) => ex switch
    {
        OutputWriteException => ex,
        SqliteException sqlite when !OutputFailureCodes.Contains(sqlite.SqliteErrorCode) => ex,
        _ => new OutputWriteException(new StringBuilder("could not write ").Append(what).Append(" to the ledger: ").Append(ex.Message).ToString(), ex) { Kind = kind },
    };

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
}
