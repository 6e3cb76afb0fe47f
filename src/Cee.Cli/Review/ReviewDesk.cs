using System.Globalization;
using Cee.Cli.Commands;
using Cee.Cli.Ledger;
using Cee.Cli.Local;
using Cee.Cli.Local.Output;
using Cee.Routing.Identifiers;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Cee.Routing.Review;
using Cee.Triage;
using Microsoft.Extensions.Logging;

namespace Cee.Cli.Review;

/// <summary>
/// The API of <c>cee review serve</c> over one <c>cee route</c> output folder: the drops awaiting
/// review (<see cref="ReviewWorklist"/>, as the Functions app lists them), their stored documents,
/// and a reviewer's decision. A decision is not applied here: the drop is routed again by the core
/// <see cref="Routing.Workflow.RoutingWorkflow"/> with the inputs <c>cee route</c> used, and its
/// review step takes the decision (<see cref="AnsweringReviewGateway"/>), exactly as the Durable
/// orchestration takes the review event: it publishes into <c>&lt;out&gt;/topics/</c>, records in
/// the ledger and answers the port with the same steps as a run that was never interrupted.
/// </summary>
public sealed class ReviewDesk(LocalRouteSettings settings, string reviewer, TimeProvider time, ILogger<ReviewDesk> logger) : IDisposable
{
    // One decision at a time: each takes the output folder's lock, which a second one in this process would not get.
    private readonly SemaphoreSlim _deciding = new(1, 1);

    private string LedgerPath => Path.Combine(settings.OutDirectory, SqliteRoutingLedger.FileName);

    /// <summary><c>GET api/reviews</c>: every Center, and the drops awaiting review, oldest first.</summary>
    public ReviewWorklistView List() =>
        ReviewWorklistView.Of(ReviewWorklist.Build(Read(new LedgerFilter(State: LedgerState.AwaitingReview)), settings.Routing));

    /// <summary>
    /// <c>GET api/reviews/{reviewId}/documents/{documentId}</c>: the stored copy of a document of a
    /// drop that awaits review (nothing else: the console shows what a person must decide on).
    /// </summary>
    public ReviewDeskAnswer OpenDocument(string reviewId, string documentId)
    {
        var record = Read(new LedgerFilter(Document: reviewId))
            .FirstOrDefault(r => (r.Subject.DropId == reviewId || r.Id == reviewId) && r.Subject.Document?.Id == documentId);
        var shown = SsnRedaction.Redact(documentId);
        if (record?.Subject.Document is not { } document)
        {
            return ReviewDeskAnswer.NotFound("No such document", $"Drop {SsnRedaction.Redact(reviewId)} has no document {shown}.");
        }

        if (record.State != LedgerState.AwaitingReview)
        {
            return ReviewDeskAnswer.Conflict("The drop is not awaiting review", $"Document {shown} is {record.State}; the console shows only documents awaiting review.");
        }

        var path = document.Location is { } location ? Path.GetFullPath(Path.Combine(settings.OutDirectory, location)) : null;
        var documents = Path.GetFullPath(Path.Combine(settings.OutDirectory, FolderDocumentSink.Folder)) + Path.DirectorySeparatorChar;
        if (path is null || !path.StartsWith(documents, StringComparison.Ordinal) || !File.Exists(path))
        {
            return ReviewDeskAnswer.NotFound("No stored copy", $"No copy of document {shown} is stored under {FolderDocumentSink.Folder}/.");
        }

        return ReviewDeskAnswer.Ok(new ReviewDocumentFile(path, DocumentMediaTypes.Of(document.DetectedType), Path.GetFileName(path)));
    }

    /// <summary>
    /// <c>POST api/reviews/{reviewId}</c> with <c>{ center, note }</c>: 200 with the drop's documents as
    /// the workflow left them; 400 for a decision that is not valid; 404 for an unknown drop; 409 when
    /// the drop no longer awaits review (someone decided first), its file changed since <c>cee route</c>
    /// read it, or a <c>cee route</c> is writing the folder.
    /// </summary>
    public async Task<ReviewDeskAnswer> DecideAsync(string reviewId, ReviewRequestBody? body, string? bodyError, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return ReviewDeskAnswer.BadRequest("The review decision is not readable", bodyError ?? "the body is empty; a JSON object { \"center\", \"note\" } was expected");
        }

        if (body.Reviewer is not null)
        {
            return ReviewDeskAnswer.BadRequest("The review decision is not valid",
                "'reviewer' is not accepted: the reviewer recorded is the user running cee review serve. Send only 'center' and 'note'.");
        }

        var decision = new ReviewDecision(reviewId, body.Center ?? string.Empty, reviewer, body.Note, time.GetUtcNow());
        var invalid = decision.Validate();
        if (invalid.Count > 0)
        {
            return ReviewDeskAnswer.BadRequest("The review decision is not valid", string.Join(" ", invalid));
        }

        await _deciding.WaitAsync(cancellationToken);
        try
        {
            return await DecideHeldAsync(decision, cancellationToken);
        }
        finally
        {
            _deciding.Release();
        }
    }

    private async Task<ReviewDeskAnswer> DecideHeldAsync(ReviewDecision decision, CancellationToken cancellationToken)
    {
        var shown = SsnRedaction.Redact(decision.ReviewId);
        using var held = OutFolderLock.TryAcquire(settings.OutDirectory, "review serve");
        if (held is null)
        {
            return ReviewDeskAnswer.Conflict("The output folder is in use",
                $"Another cee run is writing {settings.OutDirectory}; nothing was decided. Decide again when it is done.");
        }

        if (Read(new LedgerFilter(Document: decision.ReviewId)).FirstOrDefault(r => r.Id == decision.ReviewId) is { } single && TransferReviews.WasSent(single))
        {
            return await DecideTransferLimitAsync(decision, cancellationToken);
        }

        // Read under the lock: what the ledger says now is what the workflow will see.
        var records = Read(new LedgerFilter(Document: decision.ReviewId)).Where(r => r.Subject.DropId == decision.ReviewId).ToList();
        if (records.Count == 0)
        {
            return ReviewDeskAnswer.NotFound("No such drop", $"The ledger of {settings.OutDirectory} holds no drop with id '{shown}'.");
        }

        if (records.Any(r => r.State != LedgerState.AwaitingReview))
        {
            return ReviewDeskAnswer.Conflict("The drop is not awaiting review", $"Drop {shown} was decided first: {Describe(records[0])}. Nothing was changed.");
        }

        var drop = LocalRouteRunner.ReferenceOf(settings.DropsDirectory, records[0].Subject.Source);
        if (drop.DropId != decision.ReviewId)
        {
            return ReviewDeskAnswer.Conflict("The drop has changed",
                $"{SsnRedaction.Redact(records[0].Subject.Source)} is not the file cee route read for drop {shown} (it changed or is gone); nothing was decided. Run cee route again over it.");
        }

        var gateway = new AnsweringReviewGateway(decision);
        var run = await LocalRouteRunner.RouteAsync(settings with { Parallelism = 1 }, [drop], held, null, cancellationToken, review: gateway);
        if (run.StopReason is not null || run.Results is not [{ Outcome: not null } result])
        {
            var why = run.StopReason ?? (run.Results.Count > 0 ? run.Results[0].Failure : null) ?? "the drop was not routed";
            return ReviewDeskAnswer.Failed("The decision could not be applied", SsnRedaction.Redact($"Drop {shown}: {why}. Decide again once the cause is fixed."));
        }

        if (!gateway.Asked)
        {
            return ReviewDeskAnswer.Conflict("The drop is not awaiting review", $"The workflow did not wait for a person on drop {shown}: {Describe(result.Outcome.Documents[0].State, result.Outcome.Documents[0].Center)}.");
        }

        logger.LogInformation("Review decision for drop {DropId}: {Center} by {Reviewer}", shown, decision.Center, decision.Reviewer);
        return ReviewDeskAnswer.Ok(new ReviewedDrop(decision.ReviewId, decision.Center, decision.Reviewer, [.. RouteCommand.ToJson(result)]));
    }

    // A document its Centers transferred too often: its routing ended long ago (it was Routed), so no
    // workflow run takes the decision. The core's CenterActions records it and publishes the document
    // into <out>/topics/ for the chosen Center, as the Functions app does; the same decision again
    // only republishes (a crash between the two), another one is 409.
    private async Task<ReviewDeskAnswer> DecideTransferLimitAsync(ReviewDecision decision, CancellationToken cancellationToken)
    {
        using var ledger = SqliteRoutingLedger.Open(LedgerPath);
        var actions = new CenterActions(new FlushingLedger(ledger), new FolderTopicPublisher(new OutputFolder(settings.OutDirectory)), new SystemWorkflowClock(time), new TransferOptions());
        var result = await actions.DecideAsync(decision.ReviewId, decision.Center, new LedgerActor($"local:{reviewer}", reviewer), decision.Note, cancellationToken);
        logger.LogInformation("Transfer-limit review of {DocumentId}: {Center} by {Reviewer}: {Outcome}", SsnRedaction.Redact(decision.ReviewId), decision.Center, reviewer, result.Outcome);
        return result.Outcome switch
        {
            CenterActionOutcome.Decided => ReviewDeskAnswer.Ok(result.Record!),
            CenterActionOutcome.NotFound => ReviewDeskAnswer.NotFound("No such review", result.Problem!),
            CenterActionOutcome.Invalid => ReviewDeskAnswer.BadRequest("The review decision is not valid", result.Problem!),
            _ => ReviewDeskAnswer.Conflict("The document is not awaiting review", result.Problem!),
        };
    }

    public void Dispose() => _deciding.Dispose();

    private IReadOnlyList<LedgerRecord> Read(LedgerFilter filter)
    {
        using var reader = SqliteRoutingLedger.OpenReader(LedgerPath);
        return reader.Find(filter);
    }

    private static string Describe(LedgerRecord record)
    {
        var by = record.Decision?.Reviewer is { } name ? $" by {name}" : string.Empty;
        return Describe(record.State, record.Center) + string.Create(CultureInfo.InvariantCulture, $"{by} at {record.UpdatedAt:u}");
    }

    private static string Describe(LedgerState state, string? center) =>
        center is null ? state.ToString() : $"{state} to {center}";
}
