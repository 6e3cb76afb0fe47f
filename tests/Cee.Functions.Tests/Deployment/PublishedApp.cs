using System.Reflection;
using Cee.Tests;

namespace Cee.Functions.Tests.Deployment;

/// <summary>
/// The Functions app published once per test run, as azd publishes it for azure.yaml
/// (<c>dotnet publish -c Release</c>), into a temporary folder. <c>--no-build</c>: the test command
/// has just built the app in this test assembly's configuration, and a second compile of the same
/// projects while other test assemblies run would race their outputs.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("cee-functions-publish-");

    public string Folder => _output.FullName;

    public ProcessRun Publish { get; private set; } = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync()
    {
        var configuration = typeof(PublishedApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        Publish = await ProcessRun.RunAsync(
            "dotnet",
            ["publish", Path.Combine("src", "Cee.Functions", "Cee.Functions.csproj"), "-c", configuration, "--no-build", "-o", Folder, "-nologo"],
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(5));
    }

    public Task DisposeAsync()
    {
        _output.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
