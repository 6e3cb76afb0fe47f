using Cee.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Http;

/// <summary>
/// A Center's answers to a document it was sent, for the Center's role (<see cref="AppRoles.ForCenter"/>):
/// <c>POST documents/{documentId}/receipt</c> (records <c>Delivered</c>) and
/// <c>POST documents/{documentId}/transfer</c> with <c>{ "toCenter", "reason" }</c> (records
/// <c>Transferred</c> and publishes on the new Center's topic). Another Center's document is 404.
/// </summary>
public sealed class CenterDocumentsApi(CenterRequests requests, ApiAccess access)
{
    [Function("AcknowledgeReceipt")]
    public async Task<IActionResult> AcknowledgeReceiptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "documents/{documentId}/receipt")] HttpRequest request,
        string documentId,
        CancellationToken cancellationToken) =>
        access.TryAuthorizeCenter(request, out var caller, out var centers, out var refusal)
            ? await requests.AcknowledgeAsync(request, documentId, caller, centers, cancellationToken)
            : refusal;

    [Function("TransferDocument")]
    public async Task<IActionResult> TransferDocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "documents/{documentId}/transfer")] HttpRequest request,
        string documentId,
        CancellationToken cancellationToken) =>
        access.TryAuthorizeCenter(request, out var caller, out var centers, out var refusal)
            ? await requests.TransferAsync(request, documentId, caller, centers, cancellationToken)
            : refusal;
}
