using Cee.Functions.Identity;
using Cee.Routing.Cosmos;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Http;

/// <summary><c>GET entries/{entryNumber}/documents</c> (<see cref="AppRoles.Reader"/>): what came in for an entry, and where each document is.</summary>
public sealed class EntriesApi(ILedgerQueries queries, ApiAccess access)
{
    [Function("GetEntryDocuments")]
    public async Task<IActionResult> GetEntryDocumentsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "entries/{entryNumber}/documents")] HttpRequest request,
        string entryNumber,
        CancellationToken cancellationToken)
    {
        if (!access.TryAuthorize(request, AppRoles.Reader, out _, out var refusal))
        {
            return refusal;
        }

        if (!EntryNumbers.TryParse(entryNumber, out var entry, out var reason))
        {
            return Problems.BadRequest(request, "The entry number is not valid", reason);
        }

        var page = await queries.GetDocumentsOfEntryAsync(entry.ToString(), cancellationToken);
        return new OkObjectResult(new EntryDocuments(entry.ToString(), page.Records, page.UnreadableIds));
    }
}
