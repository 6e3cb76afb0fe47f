using Cee.Functions.Orchestration;
using Cee.Routing.Accounts;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Drops;
using Cee.Routing.Htsus;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Ports;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Activities;

/// <summary>
/// The activities of the routing orchestration, each one call to the adapter that implements the
/// port (Blob Storage, Service Bus, Cosmos DB, the rules table). Activities run at least once: every
/// adapter is idempotent for a repeated call.
/// </summary>
public sealed class RoutingActivities(
    IDropStore drops,
    IImporterAccountDirectory accounts,
    ICbpRequestDirectory requests,
    IHtsClassifier classifier,
    ITopicPublisher publisher,
    IRoutingLedger ledger,
    IPortResponder responder)
{
    [Function(ActivityNames.OpenAndStoreDrop)]
    public Task<IntakeResult> OpenAndStoreDropAsync([ActivityTrigger] DropReference drop, CancellationToken cancellationToken) =>
        drops.OpenAsync(drop, cancellationToken);

    /// <returns>The drop id, for the orchestration history.</returns>
    [Function(ActivityNames.QuarantineDrop)]
    public async Task<string> QuarantineDropAsync([ActivityTrigger] QuarantineRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await drops.QuarantineAsync(request.Drop, request.Reasons, cancellationToken);
        return request.Drop.DropId;
    }

    [Function(ActivityNames.FindImporterAccount)]
    public Task<ImporterAccount> FindImporterAccountAsync([ActivityTrigger] ImporterRef importer, CancellationToken cancellationToken) =>
        accounts.FindAsync(importer, cancellationToken);

    [Function(ActivityNames.FindRequestIssuer)]
    public Task<string?> FindRequestIssuerAsync([ActivityTrigger] RequestIssuerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return requests.FindIssuingCenterAsync(query.RequestId, cancellationToken);
    }

    [Function(ActivityNames.ClassifyLines)]
    public Task<HtsLinesVerdict> ClassifyLinesAsync([ActivityTrigger] ClassifyLinesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return classifier.ClassifyAsync(request.Lines, cancellationToken);
    }

    /// <returns>The message id, for the orchestration history.</returns>
    [Function(ActivityNames.PublishMessage)]
    public async Task<string> PublishMessageAsync([ActivityTrigger] TopicMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await publisher.PublishAsync(message, cancellationToken);
        return message.Properties.MessageId;
    }

    [Function(ActivityNames.GetLedgerRecord)]
    public Task<LedgerRecord?> GetLedgerRecordAsync([ActivityTrigger] LedgerRecordQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ledger.GetAsync(query.RecordId, cancellationToken);
    }

    [Function(ActivityNames.FindLedgerRecordsBySourceDocument)]
    public async Task<List<LedgerRecord>> FindLedgerRecordsBySourceDocumentAsync([ActivityTrigger] SourceDocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. await ledger.FindBySourceDocumentAsync(query.Port, query.SourceDocumentId, cancellationToken)];
    }

    [Function(ActivityNames.ClaimContent)]
    public Task<ContentClaim> ClaimContentAsync([ActivityTrigger] ContentClaim claim, CancellationToken cancellationToken) =>
        ledger.ClaimContentAsync(claim, cancellationToken);

    [Function(ActivityNames.RecordTransition)]
    public Task<LedgerRecord> RecordTransitionAsync([ActivityTrigger] LedgerTransition transition, CancellationToken cancellationToken) =>
        ledger.RecordAsync(transition, cancellationToken);

    /// <returns>The response's MessageID, for the orchestration history.</returns>
    [Function(ActivityNames.WritePortResponse)]
    public async Task<string> WritePortResponseAsync([ActivityTrigger] PortResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await responder.WriteAsync(response, cancellationToken);
        return response.MessageId;
    }
}
