namespace Cee.Routing.Cosmos;

/// <summary>What a seeding run wrote.</summary>
/// <param name="What">"importer accounts" or "CBP requests".</param>
/// <param name="Created">Items that were new.</param>
/// <param name="Replaced">Items that existed and were overwritten with the file's values.</param>
public sealed record SeedSummary(string What, int Created, int Replaced)
{
    public int Total => Created + Replaced;
}
