using System.Xml.Linq;
using Cee.Routing.Htsus;
using Cee.Tests;

namespace Cee.Routing.Tests.Architecture;

/// <summary>The core is portable: it references the .NET base library and nothing from Azure.</summary>
public class CoreDependencyTests
{
    [Fact]
    public void CoreAssembly_ReferencesNoAzureOrThirdPartyAssembly()
    {
        var references = typeof(HtsRuleTable).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib" or "Microsoft.Win32.Primitives",
            $"Cee.Routing references {name}; the core may use the .NET base library only."));
    }

    [Fact]
    public void CoreProject_HasNoPackageReferences()
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Cee.Routing", "Cee.Routing.csproj"));

        Assert.Empty(project.Descendants("PackageReference"));
        Assert.Empty(project.Descendants("ProjectReference"));
    }
}
