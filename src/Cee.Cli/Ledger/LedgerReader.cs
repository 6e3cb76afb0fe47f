using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Microsoft.Data.Sqlite;

namespace Cee.Cli.Ledger;

/// <summary>
/// Reads a ledger database: the records a <see cref="LedgerFilter"/> selects, through the indexed
/// columns, each with its whole history. Read-only; safe while a run writes the same database.
/// </summary>
public sealed class LedgerReader : IDisposable
{
    private readonly SqliteConnection _connection;

    internal LedgerReader(SqliteConnection connection) => _connection = connection;

    /// <summary>The records <paramref name="filter"/> selects, ordered by drop source and record id.</summary>
    public IReadOnlyList<LedgerRecord> Find(LedgerFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var command = _connection.CreateCommand();
        var where = new List<string>();
        if (filter.State is { } state)
        {
            where.Add("r.state = $state");
            command.Parameters.AddWithValue("$state", state.ToString());
        }

        if (filter.Center is { } center)
        {
            where.Add("r.center = $center");
            command.Parameters.AddWithValue("$center", center);
        }

        if (filter.Entry is { } entry)
        {
            where.Add("r.id IN (SELECT record_id FROM record_entries WHERE entry = $entry)");
            command.Parameters.AddWithValue("$entry", entry);
        }

        if (filter.Document is { } document)
        {
            where.Add("(r.id = $document OR r.document_id = $document OR r.source_document_id = $document OR r.drop_id = $document)");
            command.Parameters.AddWithValue("$document", document);
        }

        command.CommandText = "SELECT r.json FROM records r" +
            (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty) +
            " ORDER BY r.source, r.id;";
        return ReadAll<LedgerRecord>(command);
    }

    /// <summary>The transitions recorded for <paramref name="recordId"/>, in the order they were applied, as the workflow offered them.</summary>
    public IReadOnlyList<LedgerTransition> TransitionsOf(string recordId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT json FROM transitions WHERE record_id = $id ORDER BY seq;";
        command.Parameters.AddWithValue("$id", recordId);
        return ReadAll<LedgerTransition>(command);
    }

    /// <summary>The content claims, by SHA-256.</summary>
    public IReadOnlyList<ContentClaim> Claims()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT json FROM content_claims ORDER BY drop_sha256;";
        return ReadAll<ContentClaim>(command);
    }

    private static List<T> ReadAll<T>(SqliteCommand command)
    {
        var items = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            items.Add(ContractJson.Deserialize<T>(reader.GetString(0)));
        }

        return items;
    }

    public void Dispose() => _connection.Dispose();
}
