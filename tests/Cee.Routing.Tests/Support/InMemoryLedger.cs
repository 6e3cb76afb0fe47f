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

    public Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue(recordId, out var record) ? record : null);

    public Task<ContentClaim> ClaimContentAsync(ContentClaim claim, CancellationToken cancellationToken) =>
        Task.FromResult(_claims.GetOrAdd(claim.DropSha256, claim));

    public Task<IReadOnlyList<LedgerRecord>> FindBySourceDocumentAsync(string port, string sourceDocumentId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerRecord>>([.. _records.Values
            .Where(r => r.Subject.Port == port && r.Subject.Document?.SourceDocumentId == sourceDocumentId)
            .OrderBy(r => r.History[0].At).ThenBy(r => r.Id, StringComparer.Ordinal)]);

    /// <summary>When set, the first transition it matches fails before it is applied (a crash at that step), and it is cleared.</summary>
    public Func<LedgerTransition, bool>? CrashBefore { get; set; }

    public Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken)
    {
        lock (Offered)
        {
            if (CrashBefore is { } crash && crash(transition))
            {
                CrashBefore = null;
                throw new IOException($"simulated crash before the '{transition.Step}' step of {transition.RecordId}");
            }

            Offered.Add(transition);
            _records.TryGetValue(transition.RecordId, out var current);
            var result = LedgerRecord.ApplyOrCreate(current, transition);
            _records[transition.RecordId] = result.Record;
            return Task.FromResult(result.Record);
        }
    }
}
