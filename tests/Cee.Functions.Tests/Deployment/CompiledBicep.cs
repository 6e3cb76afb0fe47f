using System.Reflection;
using System.Text.Json;
using Cee.Tests;

namespace Cee.Functions.Tests.Deployment;

/// <summary>
/// <c>infra/main.bicep</c> compiled once per test run with the Bicep CLI from the
/// Azure.Bicep.CommandLine.linux-x64 package (its path is stamped into this assembly at build time),
/// into a temporary folder: the compiled template is never committed.
/// </summary>
public sealed class CompiledBicep : IAsyncLifetime
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("cee-bicep-");

    public static string MainBicep => RepositoryPaths.Combine("infra", "main.bicep");

    public ProcessRun Build { get; private set; } = new(-1, string.Empty, string.Empty);

    public JsonElement Template { get; private set; }

    /// <summary>The bicep binary, made executable if the package cache lost its mode bits.</summary>
    public static string BicepPath()
    {
        var path = typeof(CompiledBicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The bicep binary of package Azure.Bicep.CommandLine.linux-x64 is not at '{path}'; restore tests/Cee.Functions.Tests.");
        }

        // The package is linux-x64 only; on Linux a package cache may keep the binary without its mode bits.
        if (OperatingSystem.IsLinux() && File.GetUnixFileMode(path) is var mode && !mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }

        return path;
    }

    public static Task<ProcessRun> RunAsync(params string[] arguments) =>
        ProcessRun.RunAsync(BicepPath(), arguments, RepositoryPaths.Root, TimeSpan.FromMinutes(3));

    public async Task InitializeAsync()
    {
        var template = Path.Combine(_output.FullName, "main.json");
        Build = await RunAsync("build", MainBicep, "--outfile", template);
        if (Build.ExitCode == 0)
        {
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(template));
            Template = json.RootElement.Clone();
        }
    }

    public Task DisposeAsync()
    {
        _output.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A parameter of the compiled template (its type, default, bounds, allowed values).</summary>
    public JsonElement Parameter(string name)
    {
        Assert.True(Build.ExitCode == 0, Build.Describe());
        return Template.GetProperty("parameters").GetProperty(name);
    }
}
