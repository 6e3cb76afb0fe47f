namespace Cee.Routing.Cosmos;

/// <summary>What a create, replace or upsert did.</summary>
public enum WriteOutcome
{
    /// <summary>A new item was written (201).</summary>
    Created,

    /// <summary>An existing item was replaced (200).</summary>
    Replaced,

    /// <summary>Create: an item with that id exists already (409).</summary>
    Conflict,

    /// <summary>Conditional replace: the item changed since it was read (412).</summary>
    PreconditionFailed,

    /// <summary>Replace: the item is gone (404).</summary>
    NotFound,
}
