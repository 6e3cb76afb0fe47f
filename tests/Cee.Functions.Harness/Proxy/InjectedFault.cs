using System.Net;

namespace Cee.Functions.Harness.Proxy;

/// <summary>
/// A transient failure as the real service sends it: status, the headers its SDK reads, an error body.
/// <see cref="AfterForwarding"/> lets the service do the work and loses the answer (the client sees a
/// failure of a call that succeeded), the harder case for idempotency.
/// </summary>
public sealed record InjectedFault(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string ContentType, string Body, bool AfterForwarding = false)
{
    /// <summary>Cosmos DB's 429 (request rate too large, substatus 3200) asking for a retry after <paramref name="retryAfterMs"/> ms.</summary>
    public static InjectedFault CosmosThrottled(int retryAfterMs = 10) => new(
        HttpStatusCode.TooManyRequests,
        new Dictionary<string, string>
        {
            ["x-ms-retry-after-ms"] = retryAfterMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["x-ms-substatus"] = "3200",
            ["x-ms-request-charge"] = "0",
            ["x-ms-activity-id"] = Guid.NewGuid().ToString(),
        },
        "application/json",
        """{"code":"TooManyRequests","message":"Request rate is large (injected by the test proxy)."}""");

    /// <summary>Cosmos DB's 503 (service unavailable).</summary>
    public static InjectedFault CosmosUnavailable() => new(
        HttpStatusCode.ServiceUnavailable,
        new Dictionary<string, string>
        {
            ["x-ms-request-charge"] = "0",
            ["x-ms-activity-id"] = Guid.NewGuid().ToString(),
        },
        "application/json",
        """{"code":"ServiceUnavailable","message":"Service is currently unavailable (injected by the test proxy)."}""");

    /// <summary>Blob Storage's 500 InternalError.</summary>
    public static InjectedFault BlobInternalError(bool afterForwarding = false) => new(
        HttpStatusCode.InternalServerError,
        new Dictionary<string, string>
        {
            ["x-ms-error-code"] = "InternalError",
            ["x-ms-request-id"] = Guid.NewGuid().ToString(),
        },
        "application/xml",
        """<?xml version="1.0" encoding="utf-8"?><Error><Code>InternalError</Code><Message>The server encountered an internal error (injected by the test proxy).</Message></Error>""",
        afterForwarding);
}
