using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Policy;
using Cee.Routing.Ports;

namespace Cee.Functions.Tests.Support;

/// <summary>
/// A ledger in memory that applies transitions with the core's <see cref="LedgerRecord.ApplyOrCreate"/>,
/// holding one document routed to CEE007 (electronics, entry 002-6110316-2) as the workflow leaves it.
/// </summary>
internal sealed class RoutedLedger : IRoutingLedger
{
    public const string DropId = "d4c2e8a1f0b7d3c9e6a5f1b2c8d0e4a7f";

    public const string DocumentId = DropId + "-001";

    public const string Entry = "002-6110316-2";

    private static readonly DateTimeOffset RoutedAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, LedgerRecord> _records = new(StringComparer.Ordinal);

    public RoutedLedger()
    {
        var document = new IntakeDocument(DocumentId, "DOC-1", "Commercial Invoice", DocumentKind.EntrySummary, "invoice.pdf", "pdf", "pdf", 48_213,
            "a03f7a1c9e5b2d8f4a6c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3", $"documents/{DocumentId}");
        var subject = new LedgerSubject(DropId, "port-drops/2704/entry-0026110316.xml", "9f2c4b0e8d1a7c3f5e6b9a2d4c8e1f0a3b5d7c9e2f4a6b8d0c1e3f5a7b9d2c4e",
            DropKind.Dis, document, "2704", "002", [Entry], "12-345678900", null);
        var decision = new RoutingDecision(DecisionOutcome.Route, "CEE007", RoutingBasis.ImporterAccount, "importer-account",
            ["importer 12-345678900 is assigned to CEE007"], [], [], []);
        var record = LedgerRecord.Create(new LedgerTransition(DocumentId, "received", LedgerState.Received, RoutedAt, "received", DropId, subject)).Record
            .Apply(new LedgerTransition(DocumentId, "validated", LedgerState.Validated, RoutedAt, "passed the intake checks", DropId)).Record
            .Apply(new LedgerTransition(DocumentId, "routed", LedgerState.Routed, RoutedAt, "published on cee007", DropId, Decision: decision, Topic: "cee007", SessionId: Entry)).Record;
        _records[DocumentId] = record;
    }

    public int Writes { get; private set; }

    public int Reads { get; private set; }

    public LedgerRecord this[string id] => _records[id];

    public Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(_records.GetValueOrDefault(recordId));
    }

    public Task<ContentClaim> ClaimContentAsync(ContentClaim claim, CancellationToken cancellationToken) => Task.FromResult(claim);

    public Task<IReadOnlyList<LedgerRecord>> FindBySourceDocumentAsync(string port, string sourceDocumentId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerRecord>>([.. _records.Values.Where(r => r.Subject.Port == port && r.Subject.Document?.SourceDocumentId == sourceDocumentId)]);

    public Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken)
    {
        var result = LedgerRecord.ApplyOrCreate(_records.GetValueOrDefault(transition.RecordId), transition);
        if (result.Outcome == LedgerApplyOutcome.Applied)
        {
            Writes++;
            _records[transition.RecordId] = result.Record;
        }

        return Task.FromResult(result.Record);
    }
}
