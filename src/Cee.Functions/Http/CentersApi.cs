using Cee.Routing.Centers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Http;

/// <summary><c>GET centers</c>: the ten Centers, as <c>cee centers --json</c> lists them.</summary>
public sealed class CentersApi
{
    [Function("ListCenters")]
    public static IActionResult ListCenters(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "centers")] HttpRequest request) =>
        new OkObjectResult(CenterCatalog.Default.All.Select(CenterSummary.From).ToList());
}
