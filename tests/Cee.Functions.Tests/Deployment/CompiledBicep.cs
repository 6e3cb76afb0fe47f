using System.Reflection;
using System.Text.Json;
using Cee.Tests;

namespace Cee.Functions.Tests.Deployment;

/// <summary>
/// <c>infra/main.bicep</c> compiled once per test run with the Bicep CLI from the
/// Azure.Bicep.CommandLine.linux-x64 package (its path is stamped into this assembly at build time),
/// into a temporary folder: the compiled template is never committed. Shared by the tests of the
/// <see cref="CompiledBicepGroup"/>.
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

    /// <summary>The compiled template of module <paramref name="symbol"/> of main.bicep (a nested deployment).</summary>
    public JsonElement Module(string symbol)
    {
        Assert.True(Build.ExitCode == 0, Build.Describe());
        return Template.GetProperty("resources").GetProperty(symbol).GetProperty("properties").GetProperty("template");
    }

    /// <summary>
    /// What main.bicep passes to module <paramref name="symbol"/> for <paramref name="parameter"/>: the
    /// ARM expression of its value, or of the whole <c>{ value }</c> object when Bicep hoisted a condition into it.
    /// </summary>
    public string ModuleArgument(string symbol, string parameter)
    {
        Assert.True(Build.ExitCode == 0, Build.Describe());
        var argument = Template.GetProperty("resources").GetProperty(symbol).GetProperty("properties").GetProperty("parameters").GetProperty(parameter);
        return argument.ValueKind == JsonValueKind.String ? argument.GetString()! : argument.GetProperty("value").ToString();
    }

    /// <summary>The resources of a compiled module, by symbolic name when Bicep wrote them as an object (language version 2.0), else by index.</summary>
    public static IEnumerable<(string Symbol, JsonElement Resource)> Resources(JsonElement module)
    {
        var resources = module.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => (p.Name, p.Value))
            : resources.EnumerateArray().Select((r, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), r));
    }
}
