using System.Globalization;
using Microsoft.Extensions.Options;

namespace Cee.Routing.Cosmos;

/// <summary>Checks <see cref="CosmosRoutingOptions"/> at start-up, naming each setting at fault.</summary>
public sealed class CosmosRoutingOptionsValidator : IValidateOptions<CosmosRoutingOptions>
{
    private const string Section = CosmosRoutingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, CosmosRoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var endpoint = options.AccountEndpoint;
        if (endpoint is null)
        {
            failures.Add($"{Section}:AccountEndpoint is required, e.g. https://<account>.documents.azure.com:443/.");
        }
        else if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Section}:AccountEndpoint '{endpoint}' is not an absolute https URI.");
        }
        else if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback)
        {
            failures.Add($"{Section}:AccountEndpoint '{endpoint}' uses http: only a loopback emulator may; Cosmos DB is reached over https.");
        }

        if (options.UsesEmulator)
        {
            if (endpoint is { IsAbsoluteUri: true } && !endpoint.IsLoopback)
            {
                failures.Add($"{Section}:EmulatorKey is set but {Section}:AccountEndpoint '{endpoint.Host}' is not loopback (localhost, 127.0.0.1, ::1): a key is for the local emulator only; in Azure the app signs in with its managed identity. Remove the key.");
            }

            if (!IsBase64(options.EmulatorKey!))
            {
                failures.Add($"{Section}:EmulatorKey is not Base64 (the emulator's well-known key is).");
            }
        }

        if (!string.IsNullOrEmpty(options.ManagedIdentityClientId) && !Guid.TryParse(options.ManagedIdentityClientId, out _))
        {
            failures.Add($"{Section}:ManagedIdentityClientId must be the identity's client id (a GUID).");
        }

        CheckName(failures, "DatabaseName", options.DatabaseName);
        CheckName(failures, "LedgerContainer", options.LedgerContainer);
        CheckName(failures, "AccountsContainer", options.AccountsContainer);
        CheckName(failures, "RequestsContainer", options.RequestsContainer);
        CheckName(failures, "ClaimsContainer", options.ClaimsContainer);
        var containers = new[] { options.LedgerContainer, options.AccountsContainer, options.RequestsContainer, options.ClaimsContainer };
        if (containers.Distinct(StringComparer.OrdinalIgnoreCase).Count() != containers.Length)
        {
            failures.Add($"{Section}:LedgerContainer, AccountsContainer, RequestsContainer and ClaimsContainer must be four different containers.");
        }

        CheckRange(failures, "MaxRetryAttemptsOnRateLimitedRequests", options.MaxRetryAttemptsOnRateLimitedRequests, 0, 100);
        CheckRange(failures, "MaxRetries", options.MaxRetries, 0, 20);
        CheckRange(failures, "MaxConflictRetries", options.MaxConflictRetries, 1, 100);
        CheckDelay(failures, "MaxRetryWaitTimeOnRateLimitedRequests", options.MaxRetryWaitTimeOnRateLimitedRequests, TimeSpan.FromMinutes(5));
        CheckDelay(failures, "RetryBaseDelay", options.RetryBaseDelay, TimeSpan.FromMinutes(1));
        CheckDelay(failures, "MaxRetryDelay", options.MaxRetryDelay, TimeSpan.FromMinutes(5));
        if (options.RetryBaseDelay > options.MaxRetryDelay)
        {
            failures.Add($"{Section}:RetryBaseDelay must not exceed {Section}:MaxRetryDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckName(List<string> failures, string setting, string? value)
    {
        // Cosmos DB resource ids: 1–255 characters, none of / \ # ? and no trailing space.
        if (string.IsNullOrWhiteSpace(value) || value.Length > 255 || value.IndexOfAny(['/', '\\', '#', '?']) >= 0 || value != value.Trim())
        {
            failures.Add($"{Section}:{setting} '{value}' is not a Cosmos DB name (1 to 255 characters, none of / \\ # ?).");
        }
    }

    private static void CheckRange(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{setting} must be between {min} and {max}; got {value}."));
        }
    }

    private static void CheckDelay(List<string> failures, string setting, TimeSpan value, TimeSpan max)
    {
        if (value < TimeSpan.Zero || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{setting} must be between 0 and {max}; got {value}."));
        }
    }

    private static bool IsBase64(string value)
    {
        Span<byte> buffer = stackalloc byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }
}
