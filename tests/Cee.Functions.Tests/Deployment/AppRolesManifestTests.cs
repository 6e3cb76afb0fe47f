using System.Text.Json;
using Cee.Functions.Identity;
using Cee.Routing.Centers;
using Cee.Tests;

namespace Cee.Functions.Tests.Deployment;

/// <summary>
/// The app registration's committed definition (infra/entra, applied by
/// infra/scripts/create-app-registration.sh) declares exactly the roles the app checks, with ids
/// that never change (a new id would orphan every assignment), and the v2 tokens whose audience
/// App Service authentication is configured to accept.
/// </summary>
public class AppRolesManifestTests
{
    private static readonly string EntraFolder = RepositoryPaths.Combine("infra", "entra");

    [Fact]
    public void AppRoles_ComparedWithTheApp_AreExactlyItsRolesInOrder()
    {
        using var roles = JsonDocument.Parse(File.ReadAllText(Path.Combine(EntraFolder, "app-roles.json")));

        Assert.Equal(AppRoles.All, roles.RootElement.EnumerateArray().Select(r => r.GetProperty("value").GetString()));
        Assert.All(roles.RootElement.EnumerateArray(), role =>
        {
            Assert.True(role.GetProperty("isEnabled").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(role.GetProperty("displayName").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(role.GetProperty("description").GetString()));
        });
    }

    [Fact]
    public void AppRoles_ComparedWithGenerator_AreUpToDateWithTopology()
    {
        var path = Path.Combine(EntraFolder, "app-roles.json");
        var expected = AppRolesManifest.Generate(CenterCatalog.Default);
        if (Environment.GetEnvironmentVariable(AppRolesManifest.RewriteVariable) == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(
            expected == File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal),
            $"infra/entra/app-roles.json is not what topology.json generates. Rewrite it with: {AppRolesManifest.RewriteVariable}=1 " +
            "dotnet test tests/Cee.Functions.Tests --filter FullyQualifiedName~AppRolesManifestTests");
    }

    [Fact]
    public void CenterRoles_OnePerCenter_MayBeAssignedToPeopleAndApplicationsWithIdsThatNeverChange()
    {
        using var roles = JsonDocument.Parse(File.ReadAllText(Path.Combine(EntraFolder, "app-roles.json")));
        var centerRoles = roles.RootElement.EnumerateArray().Where(r => r.GetProperty("value").GetString()!.StartsWith(AppRoles.CenterPrefix, StringComparison.Ordinal)).ToList();

        Assert.Equal(CenterCatalog.Default.All.Select(c => "Cee.Center." + c.Id), centerRoles.Select(r => r.GetProperty("value").GetString()));
        Assert.All(centerRoles, r => Assert.Equal(["User", "Application"], r.GetProperty("allowedMemberTypes").EnumerateArray().Select(t => t.GetString())));
        // Pinned: the id of CEE007's role as first generated; a change of the derivation would orphan every assignment.
        Assert.Equal("Cee.Center.CEE007", AppRoles.ForCenter("cee007"));
        Assert.Equal("658b6c8a-2a54-5621-8fd3-616fbd852a4c", AppRolesManifest.DerivedId("Cee.Center.CEE007"));
        Assert.Equal("658b6c8a-2a54-5621-8fd3-616fbd852a4c", centerRoles[6].GetProperty("id").GetString());
    }

    [Fact]
    public void AppRoles_Ids_AreFixedDistinctGuids()
    {
        using var roles = JsonDocument.Parse(File.ReadAllText(Path.Combine(EntraFolder, "app-roles.json")));
        using var api = JsonDocument.Parse(File.ReadAllText(Path.Combine(EntraFolder, "api.json")));
        var ids = roles.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()!)
            .Concat(api.RootElement.GetProperty("api").GetProperty("oauth2PermissionScopes").EnumerateArray().Select(s => s.GetProperty("id").GetString()!))
            .ToList();

        Assert.All(ids, id => Assert.True(Guid.TryParseExact(id, "D", out _), $"'{id}' is not a GUID"));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Reviewer_MayBeAssignedToPeopleOnly()
    {
        using var roles = JsonDocument.Parse(File.ReadAllText(Path.Combine(EntraFolder, "app-roles.json")));
        string[] MemberTypes(string value) =>
        [
            .. roles.RootElement.EnumerateArray().Single(r => r.GetProperty("value").GetString() == value)
                .GetProperty("allowedMemberTypes").EnumerateArray().Select(t => t.GetString()!),
        ];

        Assert.Equal(["User"], MemberTypes(AppRoles.Reviewer));
        Assert.Equal(["User", "Application"], MemberTypes(AppRoles.Reader));
    }

    [Fact]
    public void Api_IssuesV2AccessTokens_WhoseAudienceIsTheClientId()
    {
        using var api = JsonDocument.Parse(File.ReadAllText(Path.Combine(EntraFolder, "api.json")));

        Assert.Equal(2, api.RootElement.GetProperty("api").GetProperty("requestedAccessTokenVersion").GetInt32());
        Assert.Equal("user_impersonation", Assert.Single(api.RootElement.GetProperty("api").GetProperty("oauth2PermissionScopes").EnumerateArray()).GetProperty("value").GetString());
    }

    [Fact]
    public void RegistrationScript_AppliesTheCommittedFiles()
    {
        var script = File.ReadAllText(RepositoryPaths.Combine("infra", "scripts", "create-app-registration.sh"));

        Assert.Contains("entra/app-roles.json", script, StringComparison.Ordinal);
        Assert.Contains("entra/api.json", script, StringComparison.Ordinal);
        Assert.Contains("appRoleAssignmentRequired=true", script, StringComparison.Ordinal);
        Assert.Contains("azd env set CEE_AUTH_CLIENT_ID", script, StringComparison.Ordinal);
    }
}
