using Cee.Routing.Ports;
using Cee.Routing.Requests;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cee.Routing.Cosmos;

/// <summary>CBP requests in Cosmos DB, one item per normalized request id (id and partition key): every lookup is a point read.</summary>
public sealed class CosmosCbpRequestDirectory : ICbpRequestDirectory
{
    private readonly CosmosItemStore<CbpRequestItem> _store;
    private readonly ILogger<CosmosCbpRequestDirectory> _logger;

    public CosmosCbpRequestDirectory(CosmosClient client, IOptions<CosmosRoutingOptions> options, TimeProvider timeProvider, ILogger<CosmosCbpRequestDirectory> logger)
        : this(CosmosRoutingLedger.ContainerOf(client, options, o => o.RequestsContainer), options.Value, timeProvider, logger)
    {
    }

    internal CosmosCbpRequestDirectory(Container container, CosmosRoutingOptions options, TimeProvider timeProvider, ILogger<CosmosCbpRequestDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _store = new CosmosItemStore<CbpRequestItem>(
            container, options.RequestsContainer, new CosmosRetry(options, timeProvider, logger), CbpRequestItem.Validate, logger);
    }

    /// <summary>The issuing Center's ID, or null when the request is not known (or its id cannot be one).</summary>
    public async Task<string?> FindIssuingCenterAsync(string requestId, CancellationToken cancellationToken)
    {
        if (!CbpRequestIds.TryNormalize(requestId, out var id, out var problem))
        {
            _logger.LogInformation("CBP request id not looked up: {Problem}", problem);
            return null;
        }

        return (await _store.ReadAsync(id, cancellationToken))?.Item.Center;
    }

    /// <summary>Creates or replaces the request (seeding: idempotent).</summary>
    public Task<WriteOutcome> UpsertAsync(CbpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CbpRequestIds.TryNormalize(request.RequestId, out var id, out var problem))
        {
            throw new ArgumentException($"Not a CBP request id: {problem}.", nameof(request));
        }

        return _store.UpsertAsync(CbpRequestItem.From(request with { RequestId = id }), id, cancellationToken);
    }
}
