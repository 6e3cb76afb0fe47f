using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace Cee.Routing.Cosmos;

/// <summary>
/// The item operations the adapter needs on one container partitioned by <c>/id</c>, over the
/// SDK's stream API: every status is a value to decide on rather than an exception, every body is
/// read and written with <see cref="ContractCosmosSerializer"/>, every call goes through
/// <see cref="CosmosRetry"/> (RU logged), and an item that cannot be read becomes a
/// <see cref="CosmosItemFormatException"/> naming the container and id.
/// </summary>
internal sealed class CosmosItemStore<T>
    where T : class
{
    private readonly Container _container;
    private readonly string _name;
    private readonly CosmosRetry _retry;
    private readonly Func<T, string, string?> _validate;
    private readonly ILogger _logger;
    private readonly JsonSerializerOptions _json = ContractCosmosSerializer.Default.Options;

    /// <param name="container">The container.</param>
    /// <param name="name">Its name, for logs and errors.</param>
    /// <param name="retry">The failure policy.</param>
    /// <param name="validate">Checks a deserialized item against the id it was stored under; returns why it is unusable, or null.</param>
    /// <param name="logger">Where problems with items are logged.</param>
    public CosmosItemStore(Container container, string name, CosmosRetry retry, Func<T, string, string?> validate, ILogger logger)
    {
        _container = container;
        _name = name;
        _retry = retry;
        _validate = validate;
        _logger = logger;
    }

    public string Name => _name;

    /// <summary>Point read: the item and its ETag, or null when there is none (404).</summary>
    public async Task<StoredItem<T>?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _retry.ExecuteAsync("read", _name, id,
            ct => _container.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: ct), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(response, "read", id);
        var item = Deserialize(response.Content, id);
        return new StoredItem<T>(item, response.Headers.ETag);
    }

    /// <summary>Creates the item: <see cref="WriteOutcome.Created"/>, or <see cref="WriteOutcome.Conflict"/> when the id exists.</summary>
    public async Task<WriteOutcome> CreateAsync(T item, string id, CancellationToken cancellationToken)
    {
        using var response = await _retry.ExecuteAsync("create", _name, id,
            ct => _container.CreateItemStreamAsync(Serialize(item), new PartitionKey(id), NoContent(), ct), cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.Created or HttpStatusCode.OK => WriteOutcome.Created,
            HttpStatusCode.Conflict => WriteOutcome.Conflict,
            _ => throw Failure(response, "create", id),
        };
    }

    /// <summary>
    /// Replaces the item if it still has <paramref name="etag"/>: <see cref="WriteOutcome.Replaced"/>,
    /// <see cref="WriteOutcome.PreconditionFailed"/> (changed since read) or <see cref="WriteOutcome.NotFound"/>.
    /// </summary>
    public async Task<WriteOutcome> ReplaceAsync(T item, string id, string etag, CancellationToken cancellationToken)
    {
        var options = NoContent();
        options.IfMatchEtag = etag;
        using var response = await _retry.ExecuteAsync("replace", _name, id,
            ct => _container.ReplaceItemStreamAsync(Serialize(item), id, new PartitionKey(id), options, ct), cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK or HttpStatusCode.NoContent => WriteOutcome.Replaced,
            HttpStatusCode.PreconditionFailed => WriteOutcome.PreconditionFailed,
            HttpStatusCode.NotFound => WriteOutcome.NotFound,
            _ => throw Failure(response, "replace", id),
        };
    }

    /// <summary>Creates or replaces the item, unconditionally (idempotent seeding).</summary>
    public async Task<WriteOutcome> UpsertAsync(T item, string id, CancellationToken cancellationToken)
    {
        using var response = await _retry.ExecuteAsync("upsert", _name, id,
            ct => _container.UpsertItemStreamAsync(Serialize(item), new PartitionKey(id), NoContent(), ct), cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.Created => WriteOutcome.Created,
            HttpStatusCode.OK or HttpStatusCode.NoContent => WriteOutcome.Replaced,
            _ => throw Failure(response, "upsert", id),
        };
    }

    /// <summary>
    /// One page of a query. An item that cannot be read is logged and reported by id, not thrown:
    /// one bad item must not fail every query that touches it.
    /// </summary>
    public async Task<QueryPage<T>> QueryPageAsync(
        string label, QueryDefinition query, string? continuationToken, int maxItems, CancellationToken cancellationToken)
    {
        var requestOptions = new QueryRequestOptions { MaxItemCount = maxItems };
        using var iterator = _container.GetItemQueryStreamIterator(query, continuationToken, requestOptions);
        if (!iterator.HasMoreResults)
        {
            return new QueryPage<T>([], [], null);
        }

        using var response = await _retry.ExecuteAsync("query", _name, label, iterator.ReadNextAsync, cancellationToken);
        EnsureSuccess(response, "query", label);
        var (items, unreadable) = await ReadDocumentsAsync(response.Content, cancellationToken);
        return new QueryPage<T>(items, unreadable, response.ContinuationToken);
    }

    /// <summary>Every page of a small query (a handful of items: one entry's documents, one content hash's drops).</summary>
    public async Task<QueryPage<T>> QueryAllAsync(string label, QueryDefinition query, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var unreadable = new List<string>();
        string? continuation = null;
        do
        {
            var page = await QueryPageAsync(label, query, continuation, 100, cancellationToken);
            items.AddRange(page.Items);
            unreadable.AddRange(page.UnreadableIds);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return new QueryPage<T>(items, unreadable, null);
    }

    private async Task<(List<T> Items, List<string> Unreadable)> ReadDocumentsAsync(Stream? content, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var unreadable = new List<string>();
        if (content is null)
        {
            return (items, unreadable);
        }

        using var page = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken);
        if (!page.RootElement.TryGetProperty("Documents", out var documents) || documents.ValueKind != JsonValueKind.Array)
        {
            throw new CosmosItemFormatException(_name, "(query page)", "the page has no Documents array.");
        }

        foreach (var element in documents.EnumerateArray())
        {
            var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString() ?? "(no id)"
                : "(no id)";
            try
            {
                items.Add(Check(element.Deserialize<T>(_json), id));
            }
            catch (JsonException ex)
            {
                LogUnreadable(id, ex.Message, ex);
                unreadable.Add(id);
            }
            catch (CosmosItemFormatException ex)
            {
                unreadable.Add(id);
                _logger.LogDebug(ex, "Skipped unreadable item {Container}/{ItemId} in a query", _name, id);
            }
        }

        return (items, unreadable);
    }

    private T Deserialize(Stream? content, string id)
    {
        if (content is null)
        {
            throw Unreadable(id, "the response has no body.", null);
        }

        try
        {
            return Check(JsonSerializer.Deserialize<T>(content, _json), id);
        }
        catch (JsonException ex)
        {
            throw Unreadable(id, ex.Message, ex);
        }
    }

    private T Check(T? item, string id)
    {
        if (item is null)
        {
            throw Unreadable(id, "it is JSON null.", null);
        }

        var problem = _validate(item, id);
        return problem is null ? item : throw Unreadable(id, problem, null);
    }

    private CosmosItemFormatException Unreadable(string id, string reason, Exception? inner)
    {
        LogUnreadable(id, reason, inner);
        return new CosmosItemFormatException(_name, id, reason, inner);
    }

    private void LogUnreadable(string id, string reason, Exception? exception) =>
        _logger.LogError(exception, "Cosmos item {Container}/{ItemId} cannot be read as {ItemType}: {Reason}", _name, id, typeof(T).Name, reason);

    private MemoryStream Serialize(T item)
    {
        var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, item, _json);
        stream.Position = 0;
        return stream;
    }

    private static ItemRequestOptions NoContent() => new() { EnableContentResponseOnWrite = false };

    private void EnsureSuccess(ResponseMessage response, string operation, string id)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response, operation, id);
        }
    }

    private CosmosException Failure(ResponseMessage response, string operation, string id)
    {
        _ = int.TryParse(response.Headers["x-ms-substatus"], out var subStatus);
        return new CosmosException(
            $"Cosmos DB {operation} of '{id}' in '{_name}' failed with {(int)response.StatusCode} ({response.StatusCode}): {response.ErrorMessage}",
            response.StatusCode,
            subStatus,
            response.Headers.ActivityId,
            response.Headers.RequestCharge);
    }
}
