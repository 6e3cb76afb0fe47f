using System.Text.Json;
using Cee.Functions.Identity;
using Cee.Functions.Tests.Support;
using Cee.Tests;

namespace Cee.Functions.Tests.Identity;

/// <summary>
/// The documented way to run the API locally works as committed: the values of
/// local.settings.sample.json (what <c>func start</c> puts in the environment) sign a loopback caller
/// in as the development principal with both roles, and only a loopback caller.
/// </summary>
public class LocalSettingsSampleTests
{
    [Fact]
    public void Sample_LoopbackRequest_IsTheDevelopmentPrincipalWithTheCbpRolesAndOneCentersRole()
    {
        var result = Principals.Authenticator(SampleValues()).Authenticate(Principals.FromLoopback(Requests.Create("/api/reviews/d1"), "127.0.0.1:50512"));

        Assert.Equal(CallerAuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal(CallerSource.DevelopmentPrincipal, result.Caller!.Source);
        Assert.Equal([AppRoles.ForCenter("CEE007"), AppRoles.Reader, AppRoles.Reviewer], result.Caller.Roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sample_RequestFromTheNetwork_IsRefused()
    {
        var result = Principals.Authenticator(SampleValues()).Authenticate(Principals.FromLoopback(Requests.Create("/api/reviews/d1"), "10.0.0.8:50512"));

        Assert.Equal(CallerAuthenticationOutcome.Unauthenticated, result.Outcome);
    }

    // Values as configuration keys: func start exports them as environment variables, where "__" is ":".
    private static Dictionary<string, string?> SampleValues()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject()
            .Where(p => p.Value.GetString() is { Length: > 0 })
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString());
    }
}
