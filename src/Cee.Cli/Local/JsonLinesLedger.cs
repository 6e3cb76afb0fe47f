using System.Text;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Ports;

namespace Cee.Cli.Local;

/// <summary>
/// The routing ledger of <c>cee route</c>: every applied transition appended as one JSON line to
/// <c>&lt;out&gt;/ledger/transitions.jsonl</c>, every content claim to <c>claims.jsonl</c> beside it;
/// the records are rebuilt by replaying them on start. The files are the history; re-running over
/// the same folder sees what was routed before.
/// </summary>
public sealed class JsonLinesLedger : IRoutingLedger, IAsyncDisposable
{
    public const string FileName = "transitions.jsonl";

    public const string ClaimsFileName = "claims.jsonl";

    private readonly Dictionary<string, LedgerRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContentClaim> _claims = new(StringComparer.Ordinal);
    private readonly StreamWriter _writer;
    private readonly StreamWriter _claimsWriter;
    private readonly Lock _gate = new();

    private JsonLinesLedger(StreamWriter writer, StreamWriter claimsWriter)
    {
        _writer = writer;
        _claimsWriter = claimsWriter;
    }

    /// <summary>Full path of the ledger file.</summary>
    public string Path { get; private init; } = string.Empty;

    /// <summary>Opens (or creates) the ledger under <paramref name="directory"/> and replays its history.</summary>
    public static async Task<JsonLinesLedger> OpenAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, FileName);
        var claimsPath = System.IO.Path.Combine(directory, ClaimsFileName);
        var replayed = await ReadLinesAsync<LedgerTransition>(path, "a ledger transition", cancellationToken);
        var claims = await ReadLinesAsync<ContentClaim>(claimsPath, "a content claim", cancellationToken);

        var ledger = new JsonLinesLedger(OpenAppend(path), OpenAppend(claimsPath)) { Path = path };
        foreach (var transition in replayed)
        {
            ledger.Apply(transition);
        }

        foreach (var claim in claims)
        {
            ledger._claims.TryAdd(claim.DropSha256, claim);
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

    public Task<ContentClaim> ClaimContentAsync(ContentClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_gate)
        {
            if (_claims.TryGetValue(claim.DropSha256, out var held))
            {
                return Task.FromResult(held);
            }

            _claims[claim.DropSha256] = claim;
            _claimsWriter.WriteLine(ContractJson.Serialize(claim));
            return Task.FromResult(claim);
        }
    }

    public Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);

        // Serialized before taking the lock: the lock guards the records and the file, not the CPU work.
        var line = ContractJson.Serialize(transition);
        lock (_gate)
        {
            var (record, applied) = Apply(transition);
            if (applied)
            {
                _writer.WriteLine(line);
            }

            return Task.FromResult(record);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
        await _claimsWriter.FlushAsync();
        await _claimsWriter.DisposeAsync();
    }

    private static StreamWriter OpenAppend(string path) =>
        new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.None), new UTF8Encoding(false), 1 << 16);

    private static async Task<List<T>> ReadLinesAsync<T>(string path, string what, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        if (!File.Exists(path))
        {
            return items;
        }

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
                items.Add(ContractJson.Deserialize<T>(line));
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new InvalidDataException($"{path} line {number} is not {what}: {ex.Message}", ex);
            }
        }

        return items;
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
        return (result.Record, true);
    }
}
