using Microsoft.Data.Sqlite;

namespace Cee.Cli.Ledger;

/// <summary>
/// The ledger database's schema and its migrations, by <c>PRAGMA user_version</c>. Each record is
/// stored whole as its contract JSON (so a new field needs no migration) beside the columns queries
/// filter on; every applied transition is kept, in order, in <c>transitions</c>; content claims in
/// <c>content_claims</c>. A later version adds a migration step here: a database is never rebuilt.
/// </summary>
internal static class LedgerSchema
{
    /// <summary>The version this build writes.</summary>
    public const int CurrentVersion = 2;

    private static readonly string[] Migrations =
    [
        // 1: records with their query columns, the entry index, the transition history, content claims.
        """
        CREATE TABLE records (
            id                 TEXT NOT NULL PRIMARY KEY,
            state              TEXT NOT NULL,
            center             TEXT,
            drop_id            TEXT NOT NULL,
            source             TEXT NOT NULL,
            document_id        TEXT,
            source_document_id TEXT,
            updated_at         TEXT NOT NULL,
            revision           INTEGER NOT NULL,
            json               TEXT NOT NULL
        );
        CREATE INDEX records_by_state ON records (state);
        CREATE INDEX records_by_center ON records (center);
        CREATE INDEX records_by_drop ON records (drop_id);
        CREATE INDEX records_by_source_document ON records (source_document_id);
        CREATE TABLE record_entries (
            entry     TEXT NOT NULL,
            record_id TEXT NOT NULL REFERENCES records (id),
            PRIMARY KEY (entry, record_id)
        ) WITHOUT ROWID;
        CREATE TABLE transitions (
            seq       INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id TEXT NOT NULL REFERENCES records (id),
            step      TEXT NOT NULL,
            state     TEXT NOT NULL,
            at        TEXT NOT NULL,
            json      TEXT NOT NULL,
            UNIQUE (record_id, step)
        );
        CREATE TABLE content_claims (
            drop_sha256 TEXT NOT NULL PRIMARY KEY,
            drop_id     TEXT NOT NULL,
            record_id   TEXT NOT NULL,
            json        TEXT NOT NULL
        );
        """,

        // 2: the port of each record, and the (port, DIS DocumentID) index a withdrawal looks its document up by.
        """
        ALTER TABLE records ADD COLUMN port TEXT;
        UPDATE records SET port = json_extract(json, '$.subject.port');
        CREATE INDEX records_by_port_source_document ON records (port, source_document_id);
        """,
    ];

    /// <summary>Brings the database to <see cref="CurrentVersion"/>, one transaction per step; refuses a newer one.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new LedgerFormatException($"the ledger was written by a newer cee (schema {version}; this one knows up to {CurrentVersion}).");
        }

        for (var next = version + 1; next <= CurrentVersion; next++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Migrations[next - 1] + $"\nPRAGMA user_version = {next};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>The schema version of an open database.</summary>
    public static int VersionOf(SqliteConnection connection) =>
        Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
