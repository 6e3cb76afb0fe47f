namespace Cee.Routing.Cosmos;

/// <summary>An item as read, with the ETag a conditional replace must match.</summary>
internal sealed record StoredItem<T>(T Item, string ETag);
