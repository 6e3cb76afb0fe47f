using System.Text.Json;
using Cee.Tests;

namespace Cee.Functions.Tests.Deployment;

/// <summary>
/// What the compiled infrastructure does about who may call the API and who may touch data:
/// App Service authentication in front of everything but the Event Grid webhook, the tenant the app
/// checks set from the same parameter as the platform's, and the deployer's first-run access only
/// while the switch is on.
/// </summary>
[Collection(CompiledBicepGroup.Name)]
public sealed class SignInTemplateTests(CompiledBicep bicep)
{
    [Fact]
    public void AuthSettings_EveryRequestButTheEventGridWebhook_NeedsEntraSignIn()
    {
        var module = bicep.Module("functionApp");
        var auth = Resource(module, "Microsoft.Web/sites/config", "'authsettingsV2'").GetProperty("properties");

        Assert.True(auth.GetProperty("platform").GetProperty("enabled").GetBoolean());
        var global = auth.GetProperty("globalValidation");
        Assert.True(global.GetProperty("requireAuthentication").GetBoolean());
        Assert.Equal("Return401", global.GetProperty("unauthenticatedClientAction").GetString());
        var excluded = global.GetProperty("excludedPaths").EnumerateArray().Select(p => Resolve(module, p.GetString()!)).ToList();
        Assert.Equal(["/runtime/webhooks/blobs"], excluded);
        // The very path the postdeploy hook subscribes Event Grid to: nothing else is let through.
        Assert.Contains($"/runtime/webhooks/blobs?functionName=", File.ReadAllText(RepositoryPaths.Combine("infra", "scripts", "create-eventgrid-subscription.sh")), StringComparison.Ordinal);

        var entra = auth.GetProperty("identityProviders").GetProperty("azureActiveDirectory");
        Assert.True(entra.GetProperty("enabled").GetBoolean());
        Assert.Equal("[parameters('authClientId')]", entra.GetProperty("registration").GetProperty("clientId").GetString());
        Assert.Equal("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, parameters('authTenantId'))]",
            entra.GetProperty("registration").GetProperty("openIdIssuer").GetString());
        Assert.Equal(["[parameters('authClientId')]", "[format('api://{0}', parameters('authClientId'))]"],
            entra.GetProperty("validation").GetProperty("allowedAudiences").EnumerateArray().Select(a => a.GetString()));
        Assert.False(entra.GetProperty("registration").TryGetProperty("clientSecretSettingName", out _), "the API takes bearer tokens: no secret to keep");
    }

    [Theory]
    [InlineData("Authentication__TenantId")]
    [InlineData("WEBSITE_AUTH_AAD_ALLOWED_TENANTS")]
    public void AppSettings_TenantChecks_ComeFromTheAuthTenantParameter(string setting)
    {
        var settings = Resource(bicep.Module("functionApp"), "Microsoft.Web/sites/config", "'appsettings'").GetProperty("properties");

        Assert.Equal("[parameters('authTenantId')]", settings.GetProperty(setting).GetString());
    }

    [Fact]
    public void AppSettings_NeverClaimThatAuthenticationIsOn()
    {
        // WEBSITE_AUTH_ENABLED is the platform's word that sign-in is in front; an app setting would be a lie it could outlive.
        var settings = Resource(bicep.Module("functionApp"), "Microsoft.Web/sites/config", "'appsettings'").GetProperty("properties");

        Assert.False(settings.TryGetProperty("WEBSITE_AUTH_ENABLED", out _));
        Assert.DoesNotContain(settings.EnumerateObject(), p => p.Name.StartsWith("Authentication__DevelopmentPrincipal", StringComparison.Ordinal));
    }

    [Fact]
    public void DeployerAccess_ThreeGrants_AllBehindTheSwitch()
    {
        var access = bicep.Module("access");
        var grants = CompiledBicep.Resources(access)
            .Where(r => r.Resource.TryGetProperty("properties", out var properties) &&
                        properties.TryGetProperty("principalId", out var principal) &&
                        principal.GetString() == "[parameters('deployerPrincipalId')]")
            .ToList();

        Assert.Equal(["deployerCosmosData", "deployerImporterKeySecret", "deployerPortDrops"], grants.Select(g => g.Symbol).Order(StringComparer.Ordinal));
        Assert.All(grants, g => Assert.Equal("[variables('deployerAccess')]", g.Resource.GetProperty("condition").GetString()));
        Assert.Equal("[not(empty(parameters('deployerPrincipalId')))]", access.GetProperty("variables").GetProperty("deployerAccess").GetString());
        Assert.Equal(
            "[if(parameters('grantDeployerDataAccess'), createObject('value', parameters('deployerPrincipalId')), createObject('value', ''))]",
            bicep.ModuleArgument("access", "deployerPrincipalId"));
        Assert.Contains("portDropsContainerName", ScopeOf(grants, "deployerPortDrops"), StringComparison.Ordinal);
        Assert.Contains("importerKeySecretName", ScopeOf(grants, "deployerImporterKeySecret"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_AzdSupplies_TheClientIdAndTheDeployer()
    {
        using var parameters = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("infra", "main.parameters.json")));
        var values = parameters.RootElement.GetProperty("parameters");

        Assert.Equal("${CEE_AUTH_CLIENT_ID}", values.GetProperty("authClientId").GetProperty("value").GetString());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", values.GetProperty("deployerPrincipalId").GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.True, values.GetProperty("grantDeployerDataAccess").GetProperty("value").ValueKind);
    }

    private static JsonElement Resource(JsonElement module, string type, string nameContains) =>
        Assert.Single(CompiledBicep.Resources(module), r =>
            r.Resource.GetProperty("type").GetString() == type &&
            r.Resource.GetProperty("name").GetString()!.Contains(nameContains, StringComparison.Ordinal)).Resource;

    // "[variables('x')]" → the module's variable x; anything else as written.
    private static string Resolve(JsonElement module, string expression) =>
        expression.StartsWith("[variables('", StringComparison.Ordinal)
            ? module.GetProperty("variables").GetProperty(expression["[variables('".Length..^"')]".Length]).GetString()!
            : expression;

    private static string ScopeOf(List<(string Symbol, JsonElement Resource)> grants, string symbol) =>
        grants.Single(g => g.Symbol == symbol).Resource.TryGetProperty("scope", out var scope) ? scope.GetString()! : string.Empty;
}
