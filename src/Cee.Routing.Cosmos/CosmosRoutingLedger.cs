using Cee.Routing.Centers;
using Cee.Routing.Identifiers;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cee.Routing.Cosmos;

/// <summary>
/// The routing ledger in Cosmos DB: one item per record in the ledger container (partition key
/// <c>/id</c>), the record's contract JSON as is, and one item per content claim in the claims
/// container (id = drop SHA-256, created once: the first writer wins). Reads by id are point reads;
/// the by-entry and by-Center-and-state questions are queries over the ledger's indexes
/// (docs/adr/0004-cosmos-data-model.md).
/// </summary>
/// <remarks>
/// Every change is <see cref="LedgerRecord.ApplyOrCreate"/> on the record as read, written only
/// when it applied: <c>CreateItem</c> for the first transition, a replace conditional on the ETag
/// read for the others. A writer that loses a race (409, 412) re-reads and re-applies, which then
/// answers AlreadyApplied or Refused (nothing written, the current record returned) or applies on
/// top of the winner's change; at most <see cref="CosmosRoutingOptions.MaxConflictRetries"/> times.
/// </remarks>
public sealed class CosmosRoutingLedger : IRoutingLedger, ILedgerQueries
{
    public const int MaxPageSize = 1000;

    private readonly CosmosItemStore<LedgerRecord> _store;
    private readonly CosmosItemStore<ContentClaimItem> _claims;
    private readonly CosmosRoutingOptions _options;
    private readonly ILogger<CosmosRoutingLedger> _logger;

    public CosmosRoutingLedger(CosmosClient client, IOptions<CosmosRoutingOptions> options, TimeProvider timeProvider, ILogger<CosmosRoutingLedger> logger)
        : this(ContainerOf(client, options, o => o.LedgerContainer), ContainerOf(client, options, o => o.ClaimsContainer), options.Value, timeProvider, logger)
    {
    }

    internal CosmosRoutingLedger(Container container, Container claims, CosmosRoutingOptions options, TimeProvider timeProvider, ILogger<CosmosRoutingLedger> logger)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        var retry = new CosmosRetry(options, timeProvider, logger);
        _store = new CosmosItemStore<LedgerRecord>(container, options.LedgerContainer, retry, Validate, logger);
        _claims = new CosmosItemStore<ContentClaimItem>(claims, options.ClaimsContainer, retry, ContentClaimItem.Validate, logger);
    }

    public async Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        return (await _store.ReadAsync(recordId, cancellationToken))?.Item;
    }

    /// <inheritdoc/>
    /// <remarks>A create of the claim item: 201 means this drop holds the claim, 409 that one exists, which is read and returned.</remarks>
    public async Task<ContentClaim> ClaimContentAsync(ContentClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentException.ThrowIfNullOrWhiteSpace(claim.DropSha256);
        for (var attempt = 1; ; attempt++)
        {
            if (await _claims.CreateAsync(ContentClaimItem.From(claim), claim.DropSha256, cancellationToken) == WriteOutcome.Created)
            {
                _logger.LogInformation("Content {DropSha256} claimed by drop {DropId}", claim.DropSha256, claim.DropId);
                return claim;
            }

            var held = await _claims.ReadAsync(claim.DropSha256, cancellationToken);
            if (held is not null)
            {
                _logger.LogInformation("Content {DropSha256} is held by drop {Holder}; drop {DropId} asked", claim.DropSha256, held.Item.Claim.DropId, claim.DropId);
                return held.Item.Claim;
            }

            // A 409 then a 404: claims are never deleted, so only a store that lost the item gets here.
            if (attempt >= _options.MaxConflictRetries)
            {
                throw new LedgerWriteConflictException(claim.DropSha256, "claim", attempt);
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The record does not exist and the transition is not its first (Received, with its subject).</exception>
    /// <exception cref="LedgerWriteConflictException">Every one of the bounded attempts lost a race.</exception>
    /// <exception cref="CosmosItemFormatException">The stored record cannot be read.</exception>
    public async Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentException.ThrowIfNullOrWhiteSpace(transition.RecordId);
        var id = transition.RecordId;
        for (var attempt = 1; ; attempt++)
        {
            var current = await _store.ReadAsync(id, cancellationToken);
            var result = LedgerRecord.ApplyOrCreate(current?.Item, transition);
            switch (result.Outcome)
            {
                case LedgerApplyOutcome.AlreadyApplied:
                    _logger.LogInformation("Ledger {RecordId}: step {Step} is already recorded; nothing written", id, transition.Step);
                    return result.Record;
                case LedgerApplyOutcome.Refused:
                    _logger.LogWarning("Ledger {RecordId}: step {Step} refused, the record stays {State}: {Problem}", id, transition.Step, result.Record.State, result.Problem);
                    return result.Record;
            }

            var written = current is null
                ? await _store.CreateAsync(result.Record, id, cancellationToken)
                : await _store.ReplaceAsync(result.Record, id, current.ETag, cancellationToken);
            if (written is WriteOutcome.Created or WriteOutcome.Replaced)
            {
                _logger.LogInformation("Ledger {RecordId}: step {Step} recorded, now {State}", id, transition.Step, result.Record.State);
                return result.Record;
            }

            // 409: another writer created it first; 412: another writer changed it since we read; 404: it went away.
            if (attempt >= _options.MaxConflictRetries)
            {
                _logger.LogWarning("Ledger {RecordId}: step {Step} lost {Attempts} write races in a row; giving up", id, transition.Step, attempt);
                throw new LedgerWriteConflictException(id, transition.Step, attempt);
            }

            _logger.LogInformation("Ledger {RecordId}: step {Step} lost a write race ({Outcome}); re-reading, attempt {Attempt}", id, transition.Step, written, attempt + 1);
        }
    }

    /// <inheritdoc/>
    /// <remarks>A query over the indexed <c>subject.port</c> and <c>subject.document.sourceDocumentId</c>; an unreadable item is logged and left out.</remarks>
    public async Task<IReadOnlyList<LedgerRecord>> FindBySourceDocumentAsync(string port, string sourceDocumentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(port);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceDocumentId);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.subject.port = @port AND c.subject.document.sourceDocumentId = @document")
            .WithParameter("@port", port)
            .WithParameter("@document", sourceDocumentId);
        var found = await _store.QueryAllAsync("by-source-document", query, cancellationToken);
        if (found.UnreadableIds.Count > 0)
        {
            _logger.LogWarning("Ledger lookup of {SourceDocumentId} on port {Port}: {Count} unreadable record(s) left out", sourceDocumentId, port, found.UnreadableIds.Count);
        }

        return Ordered(found.Items);
    }

    public async Task<LedgerPage> GetDocumentsOfEntryAsync(string entryNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entryNumber);
        if (!EntryNumber.TryParse(entryNumber, out var entry, out var error))
        {
            throw new ArgumentException($"Not an entry number: {EntryNumber.Describe(error)}.", nameof(entryNumber));
        }

        var query = new QueryDefinition("SELECT * FROM c WHERE ARRAY_CONTAINS(c.subject.entries, @entry)")
            .WithParameter("@entry", entry.ToString());
        var found = await _store.QueryAllAsync("by-entry", query, cancellationToken);
        return new LedgerPage(Ordered(found.Items), null, found.UnreadableIds);
    }

    public async Task<LedgerPage> GetCenterQueueAsync(
        string? center, LedgerState state, string? continuationToken, int maxItems, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxItems, MaxPageSize);
        QueryDefinition query;
        if (center is null)
        {
            query = new QueryDefinition("SELECT * FROM c WHERE IS_NULL(c.center) AND c.state = @state");
        }
        else if (CenterCatalog.Default.TryGet(center, out var known))
        {
            query = new QueryDefinition("SELECT * FROM c WHERE c.center = @center AND c.state = @state").WithParameter("@center", known.Id);
        }
        else
        {
            throw new ArgumentException(CenterCatalog.DescribeUnknown(center), nameof(center));
        }

        query = query.WithParameter("@state", state);
        var page = await _store.QueryPageAsync("by-center-state", query, continuationToken, maxItems, cancellationToken);
        return new LedgerPage(Ordered(page.Items), page.ContinuationToken, page.UnreadableIds);
    }

    internal static Container ContainerOf(CosmosClient client, IOptions<CosmosRoutingOptions> options, Func<CosmosRoutingOptions, string> container)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        return client.GetContainer(options.Value.DatabaseName, container(options.Value));
    }

    private static List<LedgerRecord> Ordered(IEnumerable<LedgerRecord> records) =>
        [.. records.OrderBy(r => r.History[0].At).ThenBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>What the rest of the adapter relies on: the id it was read by, a subject, a history, a known schema.</summary>
    private static string? Validate(LedgerRecord record, string id)
    {
        if (!string.Equals(record.Id, id, StringComparison.Ordinal))
        {
            return $"it names id '{record.Id}'.";
        }

        if (record.SchemaVersion != LedgerRecord.CurrentSchemaVersion)
        {
            return $"schema version {record.SchemaVersion}; this build reads version {LedgerRecord.CurrentSchemaVersion}.";
        }

        if (record.Subject is null || record.Subject.Entries is null)
        {
            return "it has no subject.";
        }

        return record.History is not { Count: > 0 } ? "it has no history." : null;
    }
}
