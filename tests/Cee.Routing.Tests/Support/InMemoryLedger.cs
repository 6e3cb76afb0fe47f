using System.Collections.Concurrent;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;

namespace Cee.Routing.Tests.Support;

/// <summary>A ledger in memory with the same transition rules as every real adapter.</summary>
internal sealed class InMemoryLedger : IRoutingLedger
{
    private readonly ConcurrentDictionary<string, LedgerRecord> _records = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, ContentClaim> _claims = new(StringComparer.Ordinal);

    public List<LedgerTransition> Offered { get; } = [];

    public IReadOnlyDictionary<string, LedgerRecord> Records => _records;

    /// <summary>Transitions this ledger fails to record (it is down for them), or null.</summary>
    public Func<LedgerTransition, bool>? FailWhen { get; set; }

    public Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue(recordId, out var record) ? record : null);

    public Task<ContentClaim> ClaimContentAsync(ContentClaim claim, CancellationToken cancellationToken) =>
        Task.FromResult(_claims.GetOrAdd(claim.DropSha256, claim));

    public Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken)
    {
        if (FailWhen?.Invoke(transition) == true)
        {
            throw new IOException($"the ledger is down: step '{transition.Step}' of {transition.RecordId} not recorded");
        }

        lock (Offered)
        {
            Offered.Add(transition);
            _records.TryGetValue(transition.RecordId, out var current);
            var result = LedgerRecord.ApplyOrCreate(current, transition);
            _records[transition.RecordId] = result.Record;
            return Task.FromResult(result.Record);
        }
    }
}
