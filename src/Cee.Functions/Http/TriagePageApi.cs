using Azure.Storage.Blobs;
using Cee.Functions.Identity;
using Cee.Triage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Http;

/// <summary>
/// <c>GET triage/{*name}</c> (<see cref="AppRoles.Reviewer"/>): the triage console's page, its
/// stylesheet and its script, embedded in <see cref="TriageAssets"/> (no file system path is ever
/// mapped), served by the app behind the same Entra sign-in as its API (ADR 14). The page may show
/// documents from the Blob endpoint its document links point at, and nothing else from elsewhere.
/// </summary>
public sealed class TriagePageApi(ApiAccess access, BlobServiceClient blobs)
{
    [Function("TriageConsole")]
    public IActionResult GetAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = TriageAssets.Route + "/{*name}")] HttpRequest request,
        string? name)
    {
        if (!access.TryAuthorize(request, AppRoles.Reviewer, out _, out var refusal))
        {
            return refusal;
        }

        if (string.IsNullOrEmpty(name) && request.Path.Value?.EndsWith('/') != true)
        {
            // The page's links are relative to its folder.
            return new RedirectResult(request.PathBase + request.Path + "/", permanent: false);
        }

        if (TriageAssets.Find(name) is not { } asset)
        {
            return Problems.NotFound(request, "No such file", $"The triage console has no file '{name}'.");
        }

        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = TriageAssets.ContentSecurityPolicy(blobs.Uri.GetLeftPart(UriPartial.Authority));
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return new FileContentResult(asset.Content, asset.ContentType);
    }
}
