namespace Cee.Cli.Tests.Faults;

/// <summary>Tests that start cee child processes run one class at a time: on two cores, parallel children only make each other's timing meaningless.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChildProcessTests
{
    public const string Name = "cee child processes";
}
