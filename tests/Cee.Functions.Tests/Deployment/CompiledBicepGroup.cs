namespace Cee.Functions.Tests.Deployment;

/// <summary>The test classes that read infra/main.bicep compiled: it is compiled once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledBicepGroup : ICollectionFixture<CompiledBicep>
{
    public const string Name = "Compiled infra/main.bicep";
}
