using System.Text.Json;
using System.Text.RegularExpressions;
using Cee.Routing.Centers;
using Cee.Tests;

namespace Cee.Routing.Tests.Architecture;

/// <summary>
/// One source of truth: the Centers, their topics, the triage topic and every subscription and
/// filter come from <c>src/Cee.Routing/Centers/topology.json</c>. The core embeds it, the Bicep loads
/// it and the Service Bus emulator's Config.json is generated from it; the Function App settings in
/// Bicep follow docs/configuration.md. These tests fail when any of them drifts.
/// </summary>
public class TopologyDriftTests
{
    private static readonly string Root = RepositoryPaths.Root;

    private static readonly string TopologyPath = Path.Combine(Root, "src", "Cee.Routing", "Centers", "topology.json");

    private static readonly string ServiceBusModule = Path.Combine(Root, "infra", "modules", "servicebus.bicep");

    private static readonly string FunctionAppModule = Path.Combine(Root, "infra", "modules", "functionapp.bicep");

    private static readonly CenterCatalog Catalog = CenterCatalog.Default;

    [Fact]
    public void EmulatorConfig_ComparedWithTopology_ListsExactlyItsTopicsSubscriptionsAndFilters()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, ServiceBusEmulatorConfig.RelativePath)));
        var ns = config.RootElement.GetProperty("UserConfig").GetProperty("Namespaces").EnumerateArray().Single();

        var listed = ns.GetProperty("Topics").EnumerateArray()
            .SelectMany(topic => topic.GetProperty("Subscriptions").EnumerateArray().Select(subscription =>
                $"{topic.GetProperty("Name").GetString()}/{subscription.GetProperty("Name").GetString()}: " +
                string.Join(" OR ", subscription.GetProperty("Rules").EnumerateArray()
                    .Select(rule => rule.GetProperty("Properties").GetProperty("SqlFilter").GetProperty("SqlExpression").GetString()))))
            .ToList();

        Assert.Equal(ExpectedSubscriptions(), listed);
        Assert.Equal(
            Catalog.All.Select(c => c.Topic).Append(Catalog.TriageTopic),
            ns.GetProperty("Topics").EnumerateArray().Select(t => t.GetProperty("Name").GetString()));
    }

    [Fact]
    public void EmulatorConfig_ComparedWithGenerator_IsUpToDate()
    {
        var path = Path.Combine(Root, ServiceBusEmulatorConfig.RelativePath);
        var expected = ServiceBusEmulatorConfig.Generate(Catalog);
        if (Environment.GetEnvironmentVariable(ServiceBusEmulatorConfig.RewriteVariable) == "1")
        {
            File.WriteAllText(path, expected);
        }

        var committed = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.True(
            expected == committed,
            $"{ServiceBusEmulatorConfig.RelativePath} is not what topology.json generates. Rewrite it with: " +
            $"{ServiceBusEmulatorConfig.RewriteVariable}=1 dotnet test tests/Cee.Routing.Tests --filter FullyQualifiedName~TopologyDriftTests");
    }

    [Fact]
    public void ServiceBusModule_LoadsTopologyJson_FromTheFileTheCoreEmbeds()
    {
        var text = File.ReadAllText(ServiceBusModule);

        var loads = Regex.Matches(text, @"loadJsonContent\('(?<path>[^']*topology\.json)'\)");

        var load = Assert.Single(loads);
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ServiceBusModule)!, load.Groups["path"].Value));
        Assert.Equal(Path.GetFullPath(TopologyPath), resolved);
    }

    [Fact]
    public void BicepFiles_NameNoTopicAndNoFilter_TheyComeFromTopologyJson()
    {
        var bicepFiles = Directory.EnumerateFiles(Path.Combine(Root, "infra"), "*.bicep", SearchOption.AllDirectories).ToList();
        var topics = Catalog.All.Select(c => c.Topic).Append(Catalog.TriageTopic).ToList();

        Assert.NotEmpty(bicepFiles);
        Assert.All(bicepFiles, file =>
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(Root, file);
            Assert.False(text.Contains("cee00", StringComparison.OrdinalIgnoreCase), $"{relative} hard-codes a Center topic (cee00…); load topology.json instead.");
            Assert.All(topics, topic => Assert.False(
                text.Contains(topic, StringComparison.OrdinalIgnoreCase),
                $"{relative} hard-codes topic '{topic}'; load topology.json instead."));
            Assert.False(Regex.IsMatch(text, @"kind\s*="), $"{relative} hard-codes a subscription filter; filters come from topology.json.");
        });
    }

    [Fact]
    public void ServiceBusModule_Subscriptions_AreSessionfulAndDeadLetterExpiryAndFilterErrors()
    {
        var text = File.ReadAllText(ServiceBusModule);

        Assert.Contains("requiresDuplicateDetection: true", text, StringComparison.Ordinal);
        Assert.Contains("requiresSession: true", text, StringComparison.Ordinal);
        Assert.Contains("deadLetteringOnMessageExpiration: true", text, StringComparison.Ordinal);
        Assert.Contains("deadLetteringOnFilterEvaluationExceptions: true", text, StringComparison.Ordinal);
        Assert.Contains("topology.subscriptions.centerTopic", text, StringComparison.Ordinal);
        Assert.Contains("topology.subscriptions.triageTopic", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionAppModule_ComparedWithConfigurationContract_SetsEveryAzureConnectionSetting()
    {
        var settings = AzureConnectionSettings();
        var bicep = File.ReadAllText(FunctionAppModule);

        Assert.Contains("AzureWebJobsStorage__accountName", settings);
        Assert.Contains("ServiceBus__fullyQualifiedNamespace", settings);
        Assert.All(settings, setting => Assert.True(
            Regex.IsMatch(bicep, $@"(?m)^\s*{Regex.Escape(setting)}\s*:"),
            $"docs/configuration.md lists {setting}; infra/modules/functionapp.bicep does not set it."));
    }

    [Fact]
    public void FunctionAppModule_ImporterKeySecret_IsAKeyVaultReferenceResolvedWithTheAppIdentity()
    {
        var bicep = File.ReadAllText(FunctionAppModule);

        Assert.Matches(@"(?m)^\s*Importers__KeySecret:\s*'@Microsoft\.KeyVault\(SecretUri=\$\{[^}]+\}\)'", bicep);
        Assert.Matches(@"(?m)^\s*keyVaultReferenceIdentity:\s*identityId\s*$", bicep);
    }

    [Fact]
    public void BicepFiles_ComparedWithDeploymentDoc_UseOnlyTheApiVersionsItLists()
    {
        var doc = File.ReadAllLines(Path.Combine(Root, "docs", "deployment.md"))
            .Where(line => line.StartsWith("| `Microsoft.", StringComparison.Ordinal))
            .ToList();
        var used = Directory.EnumerateFiles(Path.Combine(Root, "infra"), "*.bicep", SearchOption.AllDirectories)
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"'(?<type>Microsoft\.[A-Za-z]+/[A-Za-z]+)[A-Za-z/]*@(?<version>\d{4}-\d{2}-\d{2}(-preview)?)'"))
            .Select(m => (Type: m.Groups["type"].Value, Version: m.Groups["version"].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(used);
        Assert.All(used, api => Assert.True(
            doc.Any(line => line.Contains($"`{api.Type}", StringComparison.Ordinal) && line.Contains(api.Version, StringComparison.Ordinal)),
            $"{api.Type}@{api.Version} is used in infra/ but docs/deployment.md does not list it."));
    }

    private static List<string> ExpectedSubscriptions() =>
    [
        .. Catalog.All.SelectMany(center => Catalog.CenterTopicSubscriptions.Select(s => $"{center.Topic}/{s.Name}: {s.SqlFilter}")),
        .. Catalog.TriageTopicSubscriptions.Select(s => $"{Catalog.TriageTopic}/{s.Name}: {s.SqlFilter}"),
    ];

    // The setting names of the "Azure connections" table of docs/configuration.md, except the ones
    // it marks local only (Cosmos__EmulatorKey).
    private static List<string> AzureConnectionSettings()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", "configuration.md"));
        var section = lines
            .SkipWhile(line => !line.StartsWith("## Azure connections", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal))
            .Where(line => line.StartsWith('|') && !line.Contains("local only", StringComparison.OrdinalIgnoreCase));
        return
        [
            .. section
                .Select(line => line.Split('|', StringSplitOptions.TrimEntries)[1])
                .SelectMany(cell => Regex.Matches(cell, "`([^`]+)`").Select(m => m.Groups[1].Value))
                .Distinct(StringComparer.Ordinal),
        ];
    }
}
