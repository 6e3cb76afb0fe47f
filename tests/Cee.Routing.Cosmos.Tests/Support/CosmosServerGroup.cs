namespace Cee.Routing.Cosmos.Tests.Support;

/// <summary>Tests that share one database on the Cosmos DB test server.</summary>
[CollectionDefinition(Name)]
public sealed class CosmosServerGroup : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "Cosmos DB test server";
}
