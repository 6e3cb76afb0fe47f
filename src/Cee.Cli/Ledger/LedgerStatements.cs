using System.Globalization;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Microsoft.Data.Sqlite;

namespace Cee.Cli.Ledger;

/// <summary>
/// The ledger's prepared statements, run in the transaction the writer gives them: the SQL side of
/// reading and writing records, their entry index, their transitions and content claims.
/// </summary>
internal sealed class LedgerStatements : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _selectRecord;
    private readonly SqliteCommand _selectBySourceDocument;
    private readonly SqliteCommand _insertRecord;
    private readonly SqliteCommand _updateRecord;
    private readonly SqliteCommand _insertEntry;
    private readonly SqliteCommand _insertTransition;
    private readonly SqliteCommand _selectClaim;
    private readonly SqliteCommand _insertClaim;

    public LedgerStatements(SqliteConnection connection)
    {
        _connection = connection;
        _selectRecord = Prepare("SELECT json FROM records WHERE id = $id;", "$id");
        _selectBySourceDocument = Prepare(
            "SELECT json FROM records WHERE port = $port AND source_document_id = $sourceDocument ORDER BY id;", "$port", "$sourceDocument");
        _insertRecord = Prepare(
            "INSERT INTO records (id, state, center, drop_id, source, document_id, source_document_id, port, updated_at, revision, json) " +
            "VALUES ($id, $state, $center, $drop, $source, $document, $sourceDocument, $port, $at, 1, $json);",
            "$id", "$state", "$center", "$drop", "$source", "$document", "$sourceDocument", "$port", "$at", "$json");
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

    /// <summary>The open transaction every statement runs in.</summary>
    public SqliteTransaction? Transaction { get; set; }

    public LedgerRecord? SelectRecord(string recordId) =>
        Run(_selectRecord, recordId).ExecuteScalar() is string json ? ContractJson.Deserialize<LedgerRecord>(json) : null;

    /// <summary>The records of (port, DIS DocumentID), by the index migration 2 added.</summary>
    public List<LedgerRecord> SelectBySourceDocument(string port, string sourceDocumentId)
    {
        var records = new List<LedgerRecord>();
        using var reader = Run(_selectBySourceDocument, port, sourceDocumentId).ExecuteReader();
        while (reader.Read())
        {
            records.Add(ContractJson.Deserialize<LedgerRecord>(reader.GetString(0)));
        }

        return records;
    }

    public ContentClaim? SelectClaim(string dropSha256) =>
        Run(_selectClaim, dropSha256).ExecuteScalar() is string json ? ContractJson.Deserialize<ContentClaim>(json) : null;

    public void InsertClaim(ContentClaim claim, string json) =>
        Run(_insertClaim, claim.DropSha256, claim.DropId, claim.RecordId, json).ExecuteNonQuery();

    /// <summary>A new record, its entry index, or an existing record's new state; and the transition that made it.</summary>
    public void WriteRecord(LedgerRecord record, bool isNew, LedgerTransition transition, string transitionJson)
    {
        var recordJson = ContractJson.Serialize(record);
        var at = record.UpdatedAt.ToString("O", CultureInfo.InvariantCulture);
        var state = record.State.ToString();
        if (isNew)
        {
            Run(_insertRecord, record.Id, state, record.Center, record.Subject.DropId, record.Subject.Source,
                record.Subject.Document?.Id, record.Subject.Document?.SourceDocumentId, record.Subject.Port, at, recordJson).ExecuteNonQuery();
            foreach (var entry in record.Subject.Entries.Distinct(StringComparer.Ordinal))
            {
                Run(_insertEntry, entry, record.Id).ExecuteNonQuery();
            }
        }
        else
        {
            Run(_updateRecord, record.Id, state, record.Center, at, recordJson).ExecuteNonQuery();
        }

        Run(_insertTransition, record.Id, transition.Step, transition.State.ToString(),
            transition.At.ToString("O", CultureInfo.InvariantCulture), transitionJson).ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in new[] { _selectRecord, _selectBySourceDocument, _insertRecord, _updateRecord, _insertEntry, _insertTransition, _selectClaim, _insertClaim })
        {
            command.Dispose();
        }
    }

    private SqliteCommand Run(SqliteCommand command, params object?[] values)
    {
        command.Transaction = Transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
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
}
