using Cee.Routing.Identifiers;
using Cee.Routing.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Http;

/// <summary>Where is document X, and why there: its ledger record (state, decision, history).</summary>
public sealed class DocumentsApi(IRoutingLedger ledger)
{
    [Function("GetDocument")]
    public async Task<IActionResult> GetDocumentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "documents/{documentId}")] HttpRequest request,
        string documentId,
        CancellationToken cancellationToken)
    {
        var record = await ledger.GetAsync(documentId, cancellationToken);
        return record is not null
            ? new OkObjectResult(record)
            : Problems.NotFound(request, "No such document", $"The routing ledger has no document '{SsnRedaction.Redact(documentId)}'.");
    }
}
