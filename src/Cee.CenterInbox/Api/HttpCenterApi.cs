using System.Net;
using System.Net.Http.Headers;
using Azure.Core;
using Cee.CenterInbox.Hosting;

namespace Cee.CenterInbox.Api;

/// <summary>
/// Calls the API with a bearer token for <see cref="InboxSettings.ApiScope"/> from the inbox's
/// managed identity (the token carries the Center's app role, <c>Cee.Center.CEE00n</c>), and sorts
/// every answer into a <see cref="ReceiptOutcome"/>.
/// </summary>
public sealed class HttpCenterApi(HttpClient http, TokenCredential credential, InboxSettings settings) : ICenterApi
{
    public async Task<ReceiptResult> AcknowledgeAsync(string documentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ApiTimeout);
        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([settings.ApiScope!]), timeout.Token);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.ApiBaseUrl!), $"api/documents/{Uri.EscapeDataString(documentId)}/receipt"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            using var response = await http.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode
                ? ReceiptResult.Acknowledged
                : new ReceiptResult(Classify(response.StatusCode), $"{(int)response.StatusCode} {await ReadDetailAsync(response, timeout.Token)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReceiptResult(ReceiptOutcome.Transient, $"no answer within {settings.ApiTimeout}");
        }
        catch (HttpRequestException ex)
        {
            return new ReceiptResult(ReceiptOutcome.Transient, ex.Message);
        }
        catch (Azure.Identity.AuthenticationFailedException ex)
        {
            return new ReceiptResult(ReceiptOutcome.NotAuthorized, ex.Message);
        }
    }

    /// <summary>How the inbox treats an HTTP status other than success.</summary>
    public static ReceiptOutcome Classify(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ReceiptOutcome.NotAuthorized,
        HttpStatusCode.NotFound => ReceiptOutcome.NotHeld,
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => ReceiptOutcome.Transient,
        >= HttpStatusCode.InternalServerError => ReceiptOutcome.Transient,
        _ => ReceiptOutcome.Refused,
    };

    // The problem details' text, short: it goes into a dead-letter description and the log.
    private static async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length > 1024 ? text[..1024] : text;
    }
}
