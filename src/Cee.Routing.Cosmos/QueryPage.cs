namespace Cee.Routing.Cosmos;

/// <summary>One page of query results: the items read, the ids of those that could not be, and where to go on.</summary>
internal sealed record QueryPage<T>(IReadOnlyList<T> Items, IReadOnlyList<string> UnreadableIds, string? ContinuationToken);
