using Cee.Functions.Identity;
using Cee.Routing.Identifiers;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Http;

/// <summary>
/// Turns a Center's HTTP request into the core's <see cref="CenterActions"/> and its outcome into
/// an answer: 200 with the record (delivered, transferred, or the same request again), 202 when a
/// transfer went to a person instead, 400 for a bad body, 404 for a document not the caller's
/// Center's (ids are not confirmed), 409 for one whose state takes no such step. A failure of the
/// ledger or of Service Bus is left to the host (500): the caller retries, and a retried transfer
/// completes without a second message.
/// </summary>
public sealed class CenterRequests(CenterActions actions, ILogger<CenterRequests> logger)
{
    public async Task<IActionResult> AcknowledgeAsync(HttpRequest request, string documentId, Caller caller, IReadOnlySet<string> centers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var result = await actions.AcknowledgeAsync(documentId, new CenterCaller(centers, Actor(caller)), cancellationToken);
        logger.LogInformation("Receipt of {DocumentId} by principal {ObjectId} for {Centers}: {Outcome}", documentId, caller.ObjectId, string.Join(",", centers), result.Outcome);
        return Answer(request, documentId, result, "The receipt is not recorded");
    }

    public async Task<IActionResult> TransferAsync(HttpRequest request, string documentId, Caller caller, IReadOnlySet<string> centers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (body, error) = await JsonBody.ReadAsync<TransferRequestBody>(request, cancellationToken);
        if (body is null)
        {
            return Problems.BadRequest(request, "The transfer is not readable", error!);
        }

        var result = await actions.TransferAsync(documentId, body.ToCenter ?? string.Empty, body.Reason ?? string.Empty, new CenterCaller(centers, Actor(caller)), cancellationToken);
        logger.LogInformation("Transfer of {DocumentId} to {ToCenter} by principal {ObjectId}: {Outcome} (repeated {Repeated})", documentId, body.ToCenter, caller.ObjectId, result.Outcome, result.Repeated);
        return Answer(request, documentId, result, "The transfer is not recorded");
    }

    private static LedgerActor Actor(Caller caller) => new(caller.ObjectId, caller.Name);

    private static ObjectResult Answer(HttpRequest request, string documentId, CenterActionResult result, string refused) => result.Outcome switch
    {
        CenterActionOutcome.Delivered or CenterActionOutcome.AlreadyDelivered or CenterActionOutcome.Transferred => new OkObjectResult(result.Record),
        CenterActionOutcome.SentToReview => new AcceptedResult((string?)null, result.Record),
        CenterActionOutcome.NotFound => Problems.NotFound(request, "No such document", $"No document '{SsnRedaction.Redact(documentId)}' is with the caller's Center."),
        CenterActionOutcome.Invalid => Problems.BadRequest(request, refused, result.Problem!),
        _ => Problems.Conflict(request, refused, result.Problem!),
    };
}
