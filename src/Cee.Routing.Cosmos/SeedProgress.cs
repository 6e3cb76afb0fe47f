namespace Cee.Routing.Cosmos;

/// <summary>How far a seeding run is.</summary>
/// <param name="What">"importer accounts" or "CBP requests".</param>
/// <param name="Done">Items written so far.</param>
/// <param name="Total">Items to write.</param>
public sealed record SeedProgress(string What, int Done, int Total);
