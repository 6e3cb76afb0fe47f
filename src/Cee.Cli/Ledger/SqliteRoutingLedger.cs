using System.Globalization;
using Cee.Cli.Local.Output;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Microsoft.Data.Sqlite;

namespace Cee.Cli.Ledger;

/// <summary>
/// The routing ledger of the <c>cee</c> verbs: one SQLite database, <c>&lt;out&gt;/ledger.db</c>, in WAL
/// mode. Every port call's writes are all-or-nothing: a transition, its record and (for the first) the
/// record's entry index commit together; a content claim commits before any transition that relies on
/// it (calls are committed in the order they were made, many to a commit: <see cref="LedgerWriter"/>).
/// A process killed at any moment leaves the ledger as of its last commit, and the next run goes on
/// from there (see docs/adr/0008-sqlite-ledger.md).
/// <para>
/// One connection, used by one thread: SQLite has one writer at a time anyway, and a writer holds the
/// output folder's <see cref="Local.OutFolderLock"/>, so there is no other writer to race. Readers in
/// other processes (<c>cee status</c>) read the last commit while a run writes.
/// </para>
/// </summary>
public sealed class SqliteRoutingLedger : IRoutingLedger, IDisposable
{
    public const string FileName = "ledger.db";

    private readonly LedgerWriter _writer;

    private SqliteRoutingLedger(SqliteConnection connection, string path, IOutputFaults faults)
    {
        _writer = new LedgerWriter(connection, faults);
        Path = path;
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
            // NORMAL in WAL mode: a commit survives a killed process (not always a power loss) without an
            // fsync per commit; checkpoints (which do fsync) every 4,000 pages (16 MiB) rather than 1,000.
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 4000;");
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
                : LedgerWriter.IsOutputFailure(ex) ? LedgerWriter.Failed(ex, OutputWriteKind.LedgerTransition, path) : ex;
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
        return _writer.GetAsync(recordId);
    }

    public Task<ContentClaim> ClaimContentAsync(ContentClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return _writer.ClaimAsync(claim);
    }

    public Task<IReadOnlyList<LedgerRecord>> FindBySourceDocumentAsync(string port, string sourceDocumentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(sourceDocumentId);
        return _writer.FindBySourceDocumentAsync(port, sourceDocumentId);
    }

    public Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return _writer.RecordAsync(transition);
    }

    /// <summary>
    /// Commits every call made so far. The port calls answer once their writes are in the open
    /// transaction, which commits within <see cref="LedgerWriter.CommitInterval"/>; a verb that must
    /// know a step is durable before it answers someone (a review decision) flushes.
    /// </summary>
    /// <exception cref="OutputWriteException">The commit failed.</exception>
    public Task FlushAsync() => _writer.FlushAsync();

    /// <summary>Commits what is left, then closes the database (checkpointing its WAL).</summary>
    /// <exception cref="OutputWriteException">The last commit failed.</exception>
    public void Dispose() => _writer.Dispose();

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
}
