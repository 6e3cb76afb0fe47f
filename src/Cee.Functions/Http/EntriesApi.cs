using Cee.Routing.Cosmos;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Http;

/// <summary><c>GET entries/{entryNumber}/documents</c>: what came in for an entry, and where each document is.</summary>
public sealed class EntriesApi(ILedgerQueries queries)
{
    [Function("GetEntryDocuments")]
    public async Task<IActionResult> GetEntryDocumentsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entries/{entryNumber}/documents")] HttpRequest request,
        string entryNumber,
        CancellationToken cancellationToken)
    {
        if (!EntryNumbers.TryParse(entryNumber, out var entry, out var reason))
        {
            return Problems.BadRequest(request, "The entry number is not valid", reason);
        }

        var page = await queries.GetDocumentsOfEntryAsync(entry.ToString(), cancellationToken);
        return new OkObjectResult(new EntryDocuments(entry.ToString(), page.Records, page.UnreadableIds));
    }
}
