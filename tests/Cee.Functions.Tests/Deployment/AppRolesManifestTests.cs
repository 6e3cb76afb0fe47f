using System.Text.Json;
using Cee.Functions.Identity;
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
