using Cee.Functions.Identity;
using Cee.Routing.Htsus;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Http;

/// <summary><c>POST classify</c> (<see cref="AppRoles.Reader"/>): a dry run of this deployment's HTSUS rules, the fields of <c>cee classify --json</c>.</summary>
public sealed class ClassifyApi(HtsRuleTable rules, ApiAccess access)
{
    [Function("ClassifyHts")]
    public async Task<IActionResult> ClassifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "classify")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!access.TryAuthorize(request, AppRoles.Reader, out _, out var refusal))
        {
            return refusal;
        }

        var (body, error) = await JsonBody.ReadAsync<ClassifyRequestBody>(request, cancellationToken);
        error ??= body!.Problem();
        return error is not null
            ? Problems.BadRequest(request, "The classification request is not valid", error)
            : new OkObjectResult(HtsDryRun.Classify(body!.Hts!.Select(h => h!), rules));
    }
}
