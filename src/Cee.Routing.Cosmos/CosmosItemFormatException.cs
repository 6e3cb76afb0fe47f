namespace Cee.Routing.Cosmos;

/// <summary>
/// A stored item that cannot be read as what its container holds (malformed JSON, a missing
/// required field, a schema version this build does not know). Not transient: retrying cannot
/// help, so callers must not retry it; the item needs a person.
/// </summary>
public sealed class CosmosItemFormatException : Exception
{
    public CosmosItemFormatException()
    {
    }

    public CosmosItemFormatException(string message)
        : base(message)
    {
    }

    public CosmosItemFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CosmosItemFormatException(string container, string itemId, string reason, Exception? innerException = null)
        : base($"Cosmos DB item '{itemId}' in container '{container}' cannot be read: {reason}", innerException)
    {
        Container = container;
        ItemId = itemId;
    }

    /// <summary>The container holding the item.</summary>
    public string? Container { get; }

    /// <summary>The item's id.</summary>
    public string? ItemId { get; }
}
