namespace Cee.Functions.Tests.Engine;

/// <summary>
/// Tests against Azurite and the Cosmos DB test server (eng/services.sh starts both). They share the
/// emulator's fixed containers (<c>port-drops</c>, <c>documents</c>, <c>quarantine</c>), so they run
/// one class at a time; each engine harness has a Cosmos database of its own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealServicesGroup
{
    public const string Name = "Azurite and Cosmos DB test server";
}
