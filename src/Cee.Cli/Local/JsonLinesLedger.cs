using System.Text;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Ports;

namespace Cee.Cli.Local;

/// <summary>
/// The routing ledger of <c>cee route</c>: every applied transition appended as one JSON line to
/// <c>&lt;out&gt;/ledger/transitions.jsonl</c>, the records rebuilt by replaying them on start. The
/// file is the history; re-running over the same folder sees what was routed before.
/// </summary>
public sealed class JsonLinesLedger : IRoutingLedger, IAsyncDisposable
{
    public const string FileName = "transitions.jsonl";

    private readonly Dictionary<string, LedgerRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byDropContent = new(StringComparer.Ordinal);
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    private JsonLinesLedger(StreamWriter writer) => _writer = writer;

    /// <summary>Full path of the ledger file.</summary>
    public string Path { get; private init; } = string.Empty;

    /// <summary>Every record, for summaries.</summary>
    public IReadOnlyCollection<LedgerRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records.Values];
            }
        }
    }

    /// <summary>Opens (or creates) the ledger under <paramref name="directory"/> and replays its history.</summary>
    public static async Task<JsonLinesLedger> OpenAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, FileName);
        var replayed = new List<LedgerTransition>();
        if (File.Exists(path))
        {
            var number = 0;
            await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    replayed.Add(ContractJson.Deserialize<LedgerTransition>(line));
                }
                catch (System.Text.Json.JsonException ex)
                {
                    // A torn last line from an interrupted run is expected; anything else is not ours to guess about.
                    throw new InvalidDataException($"{path} line {number} is not a ledger transition: {ex.Message}", ex);
                }
            }
        }

        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true);
        var ledger = new JsonLinesLedger(new StreamWriter(stream, new UTF8Encoding(false))) { Path = path };
        foreach (var transition in replayed)
        {
            ledger.Apply(transition);
        }

        return ledger;
    }

    public Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.TryGetValue(recordId, out var record) ? record : null);
        }
    }

    public Task<LedgerRecord?> FindOriginalAsync(string dropSha256, string excludingDropId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_byDropContent.TryGetValue(dropSha256, out var ids))
            {
                return Task.FromResult<LedgerRecord?>(null);
            }

            var original = ids
                .Select(id => _records[id])
                .FirstOrDefault(r => r.Subject.DropId != excludingDropId && r.State is LedgerState.Routed or LedgerState.AwaitingReview);
            return Task.FromResult(original);
        }
    }

    public Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        lock (_gate)
        {
            var (record, applied) = Apply(transition);
            if (applied)
            {
                _writer.WriteLine(ContractJson.Serialize(transition));
            }

            return Task.FromResult(record);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }

    private (LedgerRecord Record, bool Applied) Apply(LedgerTransition transition)
    {
        _records.TryGetValue(transition.RecordId, out var current);
        var result = LedgerRecord.ApplyOrCreate(current, transition);
        if (result.Outcome != LedgerApplyOutcome.Applied)
        {
            return (result.Record, false);
        }

        _records[transition.RecordId] = result.Record;
        if (current is null)
        {
            var sha = result.Record.Subject.DropSha256;
            if (!_byDropContent.TryGetValue(sha, out var ids))
            {
                _byDropContent[sha] = ids = [];
            }

            ids.Add(result.Record.Id);
        }

        return (result.Record, true);
    }
}
