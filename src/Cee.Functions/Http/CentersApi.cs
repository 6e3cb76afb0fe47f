using Cee.Functions.Identity;
using Cee.Routing.Centers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Http;

/// <summary><c>GET centers</c> (<see cref="AppRoles.Reader"/>): the ten Centers, as <c>cee centers --json</c> lists them.</summary>
public sealed class CentersApi(ApiAccess access)
{
    [Function("ListCenters")]
    public IActionResult ListCenters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "centers")] HttpRequest request) =>
        access.TryAuthorize(request, AppRoles.Reader, out _, out var refusal)
            ? new OkObjectResult(CenterCatalog.Default.All.Select(CenterSummary.From).ToList())
            : refusal;
}
