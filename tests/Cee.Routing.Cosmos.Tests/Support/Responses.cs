using System.Globalization;
using System.Net;
using System.Text;
using Cee.Routing.Messages;
using Microsoft.Azure.Cosmos;

namespace Cee.Routing.Cosmos.Tests.Support;

/// <summary>Stream-API responses as Cosmos DB sends them: status, ETag, request charge, RetryAfter, body.</summary>
internal static class Responses
{
    public static ResponseMessage Status(HttpStatusCode status, double requestCharge = 1, string? etag = null, TimeSpan? retryAfter = null, string? body = null)
    {
        var response = new ResponseMessage(status);
        response.Headers["x-ms-request-charge"] = requestCharge.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ms-activity-id"] = Guid.NewGuid().ToString();
        if (etag is not null)
        {
            response.Headers["etag"] = etag;
        }

        if (retryAfter is { } wait)
        {
            response.Headers["x-ms-retry-after-ms"] = wait.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
        }

        if (body is not null)
        {
            response.Content = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }

        return response;
    }

    public static ResponseMessage Item<T>(T item, string etag, double requestCharge = 1) =>
        Status(HttpStatusCode.OK, requestCharge, etag, body: ContractJson.Serialize(item));

    public static ResponseMessage Page(IEnumerable<string> documentsJson, string? continuation = null)
    {
        var response = Status(HttpStatusCode.OK, 2.9, body: $"{{\"_rid\":\"x\",\"Documents\":[{string.Join(',', documentsJson)}],\"_count\":1}}");
        if (continuation is not null)
        {
            response.Headers["x-ms-continuation"] = continuation;
        }

        return response;
    }

    public static CosmosException Exception(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var exception = new CosmosException($"Response status code does not indicate success: {status}", status, 0, Guid.NewGuid().ToString(), 1.5);
        if (retryAfter is { } wait)
        {
            exception.Headers["x-ms-retry-after-ms"] = wait.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
        }

        return exception;
    }
}
