using Cee.Routing.Accounts;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Drops;
using Cee.Routing.Htsus;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Ports;
using Cee.Routing.Review;
using Microsoft.DurableTask;

namespace Cee.Functions.Orchestration;

/// <summary>
/// The workflow's ports over a <see cref="TaskOrchestrationContext"/>, all in one place: every I/O
/// port is an activity called with <see cref="Retry"/>, the clock is the orchestration's replay-safe
/// time, and the review gateway is the <c>ReviewDecision</c> external event raced against a durable
/// timer. Nothing here reads a clock, the environment or the network, so the orchestrator that runs
/// <c>RoutingWorkflow</c> over these ports stays deterministic. The cancellation tokens the ports
/// receive are not used: an orchestration is not cancelled, it is terminated.
/// </summary>
public sealed class DurableRoutingPorts :
    IDropStore,
    IImporterAccountDirectory,
    ICbpRequestDirectory,
    IHtsClassifier,
    ITopicPublisher,
    IRoutingLedger,
    IReviewGateway,
    IWorkflowClock,
    IPortResponder
{
    /// <summary>The external event that carries a reviewer's decision (raised by <c>POST reviews/{dropId}</c>).</summary>
    public const string ReviewDecisionEvent = "ReviewDecision";

    private readonly TaskOrchestrationContext _context;

    private DurableRoutingPorts(TaskOrchestrationContext context) => _context = context;

    /// <summary>
    /// Every activity retries transient failures: 6 attempts, 5 s doubling to at most 2 min, within
    /// 30 min. The activities are idempotent (deterministic ids, named ledger steps, MessageId
    /// duplicate detection), so a retry after a half-done attempt is safe.
    /// </summary>
    public static TaskOptions Retry { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromMinutes(2),
        retryTimeout: TimeSpan.FromMinutes(30)));

    /// <summary>The ports of one orchestration run.</summary>
    public static RoutingPorts Create(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ports = new DurableRoutingPorts(context);
        return new RoutingPorts(ports, ports, ports, ports, ports, ports, ports, ports, ports);
    }

    public DateTimeOffset UtcNow => new(DateTime.SpecifyKind(_context.CurrentUtcDateTime, DateTimeKind.Utc));

    public Task<IntakeResult> OpenAsync(DropReference drop, CancellationToken cancellationToken) =>
        Call<IntakeResult>(ActivityNames.OpenAndStoreDrop, drop);

    public Task QuarantineAsync(DropReference drop, IReadOnlyList<Finding> reasons, CancellationToken cancellationToken) =>
        Call<string>(ActivityNames.QuarantineDrop, new QuarantineRequest(drop, reasons));

    public Task<ImporterAccount> FindAsync(ImporterRef importer, CancellationToken cancellationToken) =>
        Call<ImporterAccount>(ActivityNames.FindImporterAccount, importer);

    public Task<string?> FindIssuingCenterAsync(string requestId, CancellationToken cancellationToken) =>
        Call<string?>(ActivityNames.FindRequestIssuer, new RequestIssuerQuery(requestId));

    public Task<HtsLinesVerdict> ClassifyAsync(IReadOnlyList<CommodityLine> lines, CancellationToken cancellationToken) =>
        Call<HtsLinesVerdict>(ActivityNames.ClassifyLines, new ClassifyLinesRequest(lines));

    public Task PublishAsync(TopicMessage message, CancellationToken cancellationToken) =>
        Call<string>(ActivityNames.PublishMessage, message);

    public Task<LedgerRecord?> GetAsync(string recordId, CancellationToken cancellationToken) =>
        Call<LedgerRecord?>(ActivityNames.GetLedgerRecord, new LedgerRecordQuery(recordId));

    public async Task<IReadOnlyList<LedgerRecord>> FindBySourceDocumentAsync(string port, string sourceDocumentId, CancellationToken cancellationToken) =>
        await Call<List<LedgerRecord>>(ActivityNames.FindLedgerRecordsBySourceDocument, new SourceDocumentQuery(port, sourceDocumentId));

    public Task<ContentClaim> ClaimContentAsync(ContentClaim claim, CancellationToken cancellationToken) =>
        Call<ContentClaim>(ActivityNames.ClaimContent, claim);

    public Task<LedgerRecord> RecordAsync(LedgerTransition transition, CancellationToken cancellationToken) =>
        Call<LedgerRecord>(ActivityNames.RecordTransition, transition);

    public Task WriteAsync(PortResponse response, CancellationToken cancellationToken) =>
        Call<string>(ActivityNames.WritePortResponse, response);

    /// <summary>
    /// Waits for the <see cref="ReviewDecisionEvent"/> until <paramref name="deadline"/>, or without a
    /// deadline when it is null. The loser of the race is cancelled: a timer left running would keep
    /// the orchestration alive until it fires, and an abandoned event wait would swallow the next
    /// decision (each raised event completes one waiting task).
    /// </summary>
    public async Task<ReviewWaitResult> WaitForDecisionAsync(string reviewId, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (deadline is null)
        {
            return Decided(await _context.WaitForExternalEvent<ReviewDecision?>(ReviewDecisionEvent, CancellationToken.None));
        }

        using var timerCancellation = new CancellationTokenSource();
        using var eventCancellation = new CancellationTokenSource();
        var decision = _context.WaitForExternalEvent<ReviewDecision?>(ReviewDecisionEvent, eventCancellation.Token);
        var timer = _context.CreateTimer(deadline.Value.UtcDateTime, timerCancellation.Token);
        if (await Task.WhenAny(decision, timer) == decision)
        {
            timerCancellation.Cancel();
            return Decided(await decision);
        }

        eventCancellation.Cancel();
        return ReviewWaitResult.DeadlinePassed;
    }

    // A hand-raised event may carry no decision at all; the workflow treats it like any invalid one.
    private static ReviewWaitResult Decided(ReviewDecision? decision) => new(ReviewWaitOutcome.Decided, decision);

    private Task<T> Call<T>(string activity, object input) => _context.CallActivityAsync<T>(activity, input, Retry);
}
