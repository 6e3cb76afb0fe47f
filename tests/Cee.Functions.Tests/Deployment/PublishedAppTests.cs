using System.Reflection;
using System.Text.Json;
using Cee.Functions.Intake;
using Cee.Functions.Orchestration;
using Cee.Tests;
using Microsoft.Azure.Functions.Worker;

namespace Cee.Functions.Tests.Deployment;

/// <summary>
/// The deployment package as the Functions host reads it: every <c>[Function]</c> of the assembly in
/// <c>functions.metadata</c> with its trigger, the extensions the host must load in
/// <c>extensions.json</c>, and the host and worker configuration beside them.
/// </summary>
public sealed class PublishedAppTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    [Fact]
    public void Publish_ReleaseBuild_Succeeds()
    {
        Assert.True(app.Publish.ExitCode == 0, app.Publish.Describe());
    }

    [Fact]
    public void FunctionsMetadata_EveryFunctionOfTheAssembly_IsListedWithItsTrigger()
    {
        var published = ReadMetadata().ToDictionary(f => f.GetProperty("name").GetString()!, TriggerType);

        var declared = DeclaredFunctions();

        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), published.Keys.Order(StringComparer.Ordinal));
        Assert.All(declared, f => Assert.Equal(f.Value, published[f.Key]));
    }

    [Fact]
    public void FunctionsMetadata_Intake_IsAnEventGridBlobTriggerOnPortDrops()
    {
        var intake = Binding(IntakeFromPortDrop.Name, "blobTrigger");

        Assert.Equal("EventGrid", intake.GetProperty("source").GetString());
        Assert.Equal("port-drops/{port}/{name}", intake.GetProperty("path").GetString());
        Assert.Equal(IntakeFromPortDrop.Connection, intake.GetProperty("connection").GetString());
        Assert.Contains(Bindings(IntakeFromPortDrop.Name), b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Fact]
    public void FunctionsMetadata_RouteDropAndEveryActivity_AreDurableFunctions()
    {
        Binding(RouteDropOrchestrator.Name, "orchestrationTrigger");
        var activities = typeof(ActivityNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!)
            .ToList();

        Assert.NotEmpty(activities);
        Assert.All(activities, name => Binding(name, "activityTrigger"));
    }

    [Fact]
    public void FunctionsMetadata_HttpFunctions_CarryTheirRoutesAndMethods()
    {
        var http = ReadMetadata()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => (Name: f.GetProperty("name").GetString()!, Binding: b)))
            .Where(x => x.Binding.GetProperty("type").GetString() == "httpTrigger")
            .ToDictionary(x => x.Name, x => x.Binding);

        Assert.Equal("documents/{documentId}", http["GetDocument"].GetProperty("route").GetString());
        Assert.Equal("reviews/{dropId}", http["SubmitReview"].GetProperty("route").GetString());
        Assert.Equal("documents/{documentId}/receipt", http["AcknowledgeReceipt"].GetProperty("route").GetString());
        Assert.Equal("documents/{documentId}/transfer", http["TransferDocument"].GetProperty("route").GetString());
        Assert.Equal("reviews", http["ListReviews"].GetProperty("route").GetString());
        Assert.Equal("reviews/{dropId}/documents/{documentId}", http["GetReviewDocument"].GetProperty("route").GetString());
        Assert.Equal("triage/{*name}", http["TriageConsole"].GetProperty("route").GetString());
        Assert.All(http.Values, b => Assert.NotEmpty(b.GetProperty("methods").EnumerateArray()));
    }

    [Fact]
    public void ExtensionsJson_CarriesDurableAndBlobExtensions_WithTheirAssemblies()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(app.Folder, "extensions.json")));
        var extensions = json.RootElement.GetProperty("extensions").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("hintPath").GetString()!);

        Assert.Contains("DurableTask", extensions.Keys);
        Assert.Contains("AzureStorageBlobs", extensions.Keys);
        Assert.All(extensions.Values, hint => Assert.True(File.Exists(Path.Combine(app.Folder, hint)), $"{hint} is named in extensions.json but not published"));
    }

    [Fact]
    public void HostAndWorkerConfig_ArePublished_AndPointAtTheApp()
    {
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("host.json")), File.ReadAllText(Path.Combine(app.Folder, "host.json")));
        using var worker = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(app.Folder, "worker.config.json")));
        var description = worker.RootElement.GetProperty("description");

        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        var workerPath = description.GetProperty("defaultWorkerPath").GetString()!;
        Assert.Equal("Cee.Functions.dll", workerPath);
        Assert.True(File.Exists(Path.Combine(app.Folder, workerPath)));
        Assert.False(File.Exists(Path.Combine(app.Folder, "local.settings.json")), "local settings must never be deployed");
    }

    private static Dictionary<string, string> DeclaredFunctions() =>
        typeof(RouteDropOrchestrator).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .ToDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name, DeclaredTrigger);

    // The trigger attribute's class as the host names the binding: BlobTriggerAttribute → blobTrigger.
    private static string DeclaredTrigger(MethodInfo method)
    {
        var attribute = method.GetParameters()
            .SelectMany(p => p.GetCustomAttributes())
            .Select(a => a.GetType().Name)
            .Single(n => n.EndsWith("TriggerAttribute", StringComparison.Ordinal));
        return char.ToLowerInvariant(attribute[0]) + attribute[1..^"Attribute".Length];
    }

    private static string TriggerType(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray()
            .Select(b => b.GetProperty("type").GetString()!)
            .Single(t => t.EndsWith("Trigger", StringComparison.Ordinal));

    private JsonElement Binding(string function, string type) =>
        Bindings(function).Single(b => b.GetProperty("type").GetString() == type);

    private JsonElement.ArrayEnumerator Bindings(string function) =>
        ReadMetadata().Single(f => f.GetProperty("name").GetString() == function).GetProperty("bindings").EnumerateArray();

    private List<JsonElement> ReadMetadata()
    {
        var path = Path.Combine(app.Folder, "functions.metadata");
        Assert.True(File.Exists(path), $"no functions.metadata in the published app; publish said: {app.Publish.Describe()}");
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
