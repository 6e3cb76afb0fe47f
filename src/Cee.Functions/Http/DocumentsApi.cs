using Cee.Functions.Identity;
using Cee.Routing.Identifiers;
using Cee.Routing.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Http;

/// <summary>Where is document X, and why there (<see cref="AppRoles.Reader"/>): its ledger record (state, decision, history).</summary>
public sealed class DocumentsApi(IRoutingLedger ledger, ApiAccess access)
{
    [Function("GetDocument")]
    public async Task<IActionResult> GetDocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "documents/{documentId}")] HttpRequest request,
        string documentId,
        CancellationToken cancellationToken)
    {
        if (!access.TryAuthorize(request, AppRoles.Reader, out _, out var refusal))
        {
            return refusal;
        }

        var record = await ledger.GetAsync(documentId, cancellationToken);
        return record is not null
            ? new OkObjectResult(record)
            : Problems.NotFound(request, "No such document", $"The routing ledger has no document '{SsnRedaction.Redact(documentId)}'.");
    }
}
