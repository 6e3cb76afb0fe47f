using Cee.Functions.Hosting;
using Cee.Functions.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Cee.Functions.Tests.Hosting;

public class AuthenticationSettingsValidatorTests
{
    [Fact]
    public void Validate_TenantInAzure_Succeeds()
    {
        Assert.True(Validate(new AuthenticationSettings { TenantId = Principals.Tenant }, inAzure: true).Succeeded);
    }

    [Fact]
    public void Validate_NoTenantInAzure_FailsNamingTheSetting()
    {
        var result = Validate(new AuthenticationSettings(), inAzure: true);

        Assert.Contains("Authentication__TenantId is required in Azure", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoTenantLocally_Succeeds()
    {
        Assert.True(Validate(new AuthenticationSettings(), inAzure: false).Succeeded);
    }

    [Theory]
    [InlineData("contoso.onmicrosoft.com")]
    [InlineData("aaaabbbb0000cccc1111dddd2222eeee")]
    [InlineData("{aaaabbbb-0000-cccc-1111-dddd2222eeee}")]
    public void Validate_TenantNotAGuid_Fails(string tenant)
    {
        var result = Validate(new AuthenticationSettings { TenantId = tenant }, inAzure: false);

        Assert.Contains("is not a tenant id", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DevelopmentPrincipalLocally_Succeeds()
    {
        Assert.True(Validate(Developer("Cee.Reader, Cee.Reviewer"), inAzure: false).Succeeded);
    }

    [Fact]
    public void Validate_DevelopmentPrincipalWithNoRoles_Succeeds()
    {
        // Useful to see every endpoint answer 403.
        Assert.True(Validate(Developer(""), inAzure: false).Succeeded);
    }

    [Fact]
    public void Validate_DevelopmentPrincipalInAzure_FailsStartUp()
    {
        var settings = Developer("Cee.Reader");
        settings.TenantId = Principals.Tenant;

        var result = Validate(settings, inAzure: true);

        Assert.Contains("never honoured in Azure", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DevelopmentPrincipalIncomplete_NamesEachProblem()
    {
        var settings = new AuthenticationSettings { DevelopmentPrincipal = new DevelopmentPrincipalSettings { ObjectId = "developer", Roles = "Cee.Reader,Cee.Admin" } };

        var result = Validate(settings, inAzure: false);

        Assert.Contains("ObjectId 'developer' is not a GUID", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Name is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'Cee.Admin', not an app role", result.FailureMessage, StringComparison.Ordinal);
    }

    private static AuthenticationSettings Developer(string roles) => new()
    {
        DevelopmentPrincipal = new DevelopmentPrincipalSettings { ObjectId = Principals.DeveloperObjectId, Name = "Local Developer", Roles = roles },
    };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(AuthenticationSettings settings, bool inAzure)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(inAzure ? new Dictionary<string, string?> { [HostingPlatform.InstanceIdSetting] = "4c1b2a9e6f" } : [])
            .Build();
        return new AuthenticationSettingsValidator(configuration).Validate(null, settings);
    }
}
