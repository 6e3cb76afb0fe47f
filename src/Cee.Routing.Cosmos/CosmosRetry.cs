using System.Globalization;
using System.Net;
using System.Runtime.ExceptionServices;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace Cee.Routing.Cosmos;

/// <summary>
/// Runs one Cosmos DB call with the adapter's failure policy and logs what every attempt cost:
/// <list type="bullet">
/// <item>429 that the SDK handed back after its own retries (as a response or a <see cref="CosmosException"/>):
/// wait the server's RetryAfter (capped), then retry;</item>
/// <item>408, 449 and 5xx: bounded exponential backoff, then the failure goes to the caller;</item>
/// <item>the service not reached at all (<see cref="HttpRequestException"/>: connection refused or
/// reset, DNS; or the SDK's own timeout, an <see cref="OperationCanceledException"/> the caller did
/// not ask for): the same backoff, logged as a warning with the error, then the failure goes to the
/// caller (for the routing orchestration: the activity's retry policy, then a Failed record);</item>
/// <item>anything else (200s, 404, 409, 412…) goes to the caller at once, to decide.</item>
/// </list>
/// </summary>
internal sealed class CosmosRetry(CosmosRoutingOptions options, TimeProvider timeProvider, ILogger logger)
{
    private const string RetryAfterHeader = "x-ms-retry-after-ms";

    public async Task<ResponseMessage> ExecuteAsync(
        string operation, string container, string itemId, Func<CancellationToken, Task<ResponseMessage>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = timeProvider.GetTimestamp();
            ResponseMessage? response = null;
            ExceptionDispatchInfo? failure = null;
            HttpStatusCode status;
            double charge;
            TimeSpan? retryAfter;
            try
            {
                response = await call(cancellationToken);
                status = response.StatusCode;
                charge = response.Headers.RequestCharge;
                retryAfter = RetryAfterOf(response);
            }
            catch (CosmosException ex) when (IsRetriable(ex.StatusCode))
            {
                failure = ExceptionDispatchInfo.Capture(ex);
                status = ex.StatusCode;
                charge = ex.RequestCharge;
                retryAfter = ex.RetryAfter;
            }
            catch (Exception ex) when (IsUnreached(ex, cancellationToken))
            {
                var elapsedUnreached = timeProvider.GetElapsedTime(started);
                if (attempt > options.MaxRetries)
                {
                    logger.LogWarning(
                        "Cosmos {Operation} {Container}/{ItemId}: not reached after {Attempts} attempt(s) ({Error}: {Message}); giving up",
                        operation, container, itemId, attempt, ex.GetType().Name, ex.Message);
                    throw;
                }

                var wait = DelayBefore(attempt + 1, HttpStatusCode.ServiceUnavailable, null);
                logger.LogWarning(
                    "Cosmos {Operation} {Container}/{ItemId}: not reached ({Error}: {Message}) after {ElapsedMs} ms; retry {Retry} of {MaxRetries} in {DelayMs} ms",
                    operation, container, itemId, ex.GetType().Name, ex.Message, Math.Round(elapsedUnreached.TotalMilliseconds, 1), attempt, options.MaxRetries, wait.TotalMilliseconds);
                await Task.Delay(wait, timeProvider, cancellationToken);
                continue;
            }

            var elapsed = timeProvider.GetElapsedTime(started);
            logger.LogInformation(
                "Cosmos {Operation} {Container}/{ItemId}: {StatusCode} ({Status}), {RequestCharge} RU, {ElapsedMs} ms, attempt {Attempt}",
                operation, container, itemId, (int)status, status, charge, Math.Round(elapsed.TotalMilliseconds, 1), attempt);

            if (!IsRetriable(status))
            {
                return response!;
            }

            if (attempt > options.MaxRetries)
            {
                logger.LogWarning(
                    "Cosmos {Operation} {Container}/{ItemId}: still {StatusCode} after {Attempts} attempt(s); giving up",
                    operation, container, itemId, (int)status, attempt);
                failure?.Throw();
                return response!;
            }

            var delay = DelayBefore(attempt + 1, status, retryAfter);
            logger.LogWarning(
                "Cosmos {Operation} {Container}/{ItemId}: {StatusCode}; retry {Retry} of {MaxRetries} in {DelayMs} ms",
                operation, container, itemId, (int)status, attempt, options.MaxRetries, delay.TotalMilliseconds);
            response?.Dispose();
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    /// <summary>429 waits what the server asked; other transient failures back off 1, 2, 4… × the base delay. Both capped.</summary>
    internal TimeSpan DelayBefore(int attempt, HttpStatusCode status, TimeSpan? retryAfter)
    {
        var backoff = options.RetryBaseDelay * Math.Pow(2, attempt - 2);
        var delay = status == HttpStatusCode.TooManyRequests && retryAfter is { } asked && asked > TimeSpan.Zero ? asked : backoff;
        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    internal static bool IsRetriable(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or
        HttpStatusCode.RequestTimeout or
        (HttpStatusCode)449 or // RetryWith: a conflicting operation was in progress on the server
        HttpStatusCode.InternalServerError or
        HttpStatusCode.BadGateway or
        HttpStatusCode.ServiceUnavailable or
        HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// The service was not reached or did not answer in time: a connection failure, or a timeout
    /// that is not the caller's own cancellation. Transient like a 503.
    /// </summary>
    internal static bool IsUnreached(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException => true,
        TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        CosmosException { InnerException: HttpRequestException } => true,
        _ => false,
    };

    private static TimeSpan? RetryAfterOf(ResponseMessage response) =>
        response.Headers[RetryAfterHeader] is { } value && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;
}
