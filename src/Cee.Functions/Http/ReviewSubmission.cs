using Cee.Functions.Identity;
using Cee.Functions.Orchestration;
using Cee.Routing.Drops;
using Cee.Routing.Identifiers;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Cee.Routing.Review;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Http;

/// <summary>
/// A reviewer's decision on a drop awaiting review: made by the signed-in <see cref="Caller"/> (its
/// display name and Entra object id become the decision's reviewer and reviewer id; a body that
/// names a reviewer is refused), validated with the core's <see cref="ReviewDecision.Validate"/>, checked against the
/// orchestration (it must exist and be running) and the ledger (its documents must be awaiting
/// review), then raised as the <see cref="DurableRoutingPorts.ReviewDecisionEvent"/> the
/// orchestration waits for. A review of a document transferred too often has no orchestration
/// waiting: <see cref="TransferReviewDecisions"/> takes it.
/// </summary>
public sealed class ReviewSubmission(IRoutingLedger ledger, TransferReviewDecisions transfers, TimeProvider time, ILogger<ReviewSubmission> logger)
{
    public async Task<IActionResult> SubmitAsync(HttpRequest request, string dropId, Caller reviewer, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(durable);
        var (body, error) = await JsonBody.ReadAsync<ReviewRequestBody>(request, cancellationToken);
        if (body is null)
        {
            return Problems.BadRequest(request, "The review decision is not readable", error!);
        }

        if (body.Reviewer is not null)
        {
            return Problems.BadRequest(request, "The review decision is not valid",
                "'reviewer' is not accepted: the reviewer recorded is the signed-in principal. Send only 'center' and 'note'.");
        }

        var decision = new ReviewDecision(dropId, body.Center ?? string.Empty, reviewer.Name, body.Note, time.GetUtcNow(), reviewer.ObjectId);
        var invalid = decision.Validate();
        if (invalid.Count > 0)
        {
            return Problems.BadRequest(request, "The review decision is not valid", string.Join(" ", invalid));
        }

        if (await transfers.TryDecideAsync(request, decision, cancellationToken) is { } decided)
        {
            return decided;
        }

        var shown = SsnRedaction.Redact(dropId);
        var instance = await durable.GetInstanceAsync(dropId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            return Problems.NotFound(request, "No such drop", $"No routing of a drop with id '{shown}' exists.");
        }

        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Running)
        {
            return Problems.Conflict(request, "The drop is not awaiting review",
                $"The routing of drop {shown} is {instance.RuntimeStatus}; only a running routing that waits for a person takes a decision.");
        }

        var record = await ledger.GetAsync(DropIds.DocumentId(dropId, 1), cancellationToken);
        var state = record?.State;
        if (state == LedgerState.Superseded)
        {
            // A later run of the same source decides the document now; a decision here would publish it twice.
            return Problems.Conflict(request, "The drop was superseded",
                $"The review request of drop {shown} was withdrawn: {SsnRedaction.Redact(record!.History[^1].Reason)}. Decide the later run instead.");
        }

        if (state != LedgerState.AwaitingReview)
        {
            return Problems.Conflict(request, "The drop is not awaiting review",
                $"The documents of drop {shown} are {state?.ToString() ?? "not recorded yet"}; a decision is taken only while they await review.");
        }

        await durable.RaiseEventAsync(dropId, DurableRoutingPorts.ReviewDecisionEvent, decision, cancellationToken);
        logger.LogInformation("Review decision for drop {DropId}: {Center} by principal {ReviewerId}", dropId, decision.Center, decision.ReviewerId);
        return new AcceptedResult((string?)null, decision);
    }
}
