using Cee.Routing.Identifiers;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Cee.Routing.Review;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Http;

/// <summary>
/// Which path a reviewer's decision takes. A review id that names a document sent to a person
/// because its Centers transferred it too often (<see cref="TransferReviews.WasSent"/>) is decided
/// by the core's <see cref="CenterActions.DecideAsync"/>: that document's routing run ended long ago
/// (it was Routed), so no orchestration waits for an event. Answers 200 with the record (also for
/// the same decision again, which only republishes), 409 when it was decided otherwise since, 404
/// and 400 as the core says; any other review id is left to the orchestration path (null).
/// </summary>
public sealed class TransferReviewDecisions(IRoutingLedger ledger, CenterActions actions, ILogger<TransferReviewDecisions> logger)
{
    public async Task<IActionResult?> TryDecideAsync(HttpRequest request, ReviewDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var record = await ledger.GetAsync(decision.ReviewId, cancellationToken);
        if (record is null || !TransferReviews.WasSent(record))
        {
            return null;
        }

        var reviewer = new LedgerActor(decision.ReviewerId ?? decision.Reviewer, decision.Reviewer);
        var result = await actions.DecideAsync(decision.ReviewId, decision.Center, reviewer, decision.Note, cancellationToken);
        logger.LogInformation("Transfer-limit review of {DocumentId}: {Center} by principal {ReviewerId}: {Outcome} (repeated {Repeated})",
            decision.ReviewId, decision.Center, decision.ReviewerId, result.Outcome, result.Repeated);
        return result.Outcome switch
        {
            CenterActionOutcome.Decided => new OkObjectResult(result.Record),
            CenterActionOutcome.NotFound => Problems.NotFound(request, "No such review", result.Problem!),
            CenterActionOutcome.Invalid => Problems.BadRequest(request, "The review decision is not valid", result.Problem!),
            _ => Problems.Conflict(request, "The document is not awaiting review", result.Problem ?? $"{SsnRedaction.Redact(decision.ReviewId)} was decided first."),
        };
    }
}
