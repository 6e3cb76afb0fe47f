using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.Cosmos;

namespace Cee.Routing.Cosmos;

/// <summary>Builds the one <see cref="CosmosClient"/> of a process from <see cref="CosmosRoutingOptions"/>.</summary>
public static class CosmosClientFactory
{
    /// <summary>
    /// Entra ID (<c>DefaultAzureCredential</c>, or <paramref name="credential"/>) in Azure; the
    /// emulator key, Gateway mode and <see cref="CosmosClientOptions.LimitToEndpoint"/> for a loopback
    /// emulator. Items are (de)serialized with <see cref="ContractCosmosSerializer.Default"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">An emulator key with an endpoint that is not loopback.</exception>
    public static CosmosClient Create(CosmosRoutingOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.AccountEndpoint ?? throw new InvalidOperationException("Cosmos:AccountEndpoint is not set.");
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "CeeFunctions",
            Serializer = ContractCosmosSerializer.Default,
            MaxRetryAttemptsOnRateLimitedRequests = options.MaxRetryAttemptsOnRateLimitedRequests,
            MaxRetryWaitTimeOnRateLimitedRequests = options.MaxRetryWaitTimeOnRateLimitedRequests,
            EnableContentResponseOnWrite = false,
        };

        if (options.UsesEmulator)
        {
            // Checked here as well as at start-up: a key must never be sent to a real account.
            if (!endpoint.IsLoopback)
            {
                throw new InvalidOperationException($"Cosmos:EmulatorKey is refused for '{endpoint.Host}': keys are for a loopback emulator only.");
            }

            clientOptions.ConnectionMode = ConnectionMode.Gateway;
            clientOptions.LimitToEndpoint = true;
            return new CosmosClient(endpoint.AbsoluteUri, options.EmulatorKey, clientOptions);
        }

        credential ??= new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrEmpty(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });
        return new CosmosClient(endpoint.AbsoluteUri, credential, clientOptions);
    }
}
