using System.Net;
using Cee.Functions.Hosting;
using Cee.Functions.Identity;
using Cee.Functions.Tests.Support;

namespace Cee.Functions.Tests.Identity;

/// <summary>
/// Who the caller is: the platform's principal only when App Service authentication is in front and
/// the tenant is this deployment's; the development principal only on loopback in Development.
/// </summary>
public class CallerAuthenticatorTests
{
    [Fact]
    public void Authenticate_PlatformPrincipalOfTheTenant_IsTheCaller()
    {
        var request = Principals.Signed(Requests.Create("/api/centers"), Principals.Header(AppRoles.Reader));

        var result = Principals.Authenticator(Principals.Azure()).Authenticate(request);

        Assert.Equal(CallerAuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal((Principals.ObjectId, Principals.Name), (result.Caller!.ObjectId, result.Caller.Name));
    }

    [Fact]
    public void Authenticate_ConfiguredTenantInUpperCase_StillMatches()
    {
        var request = Principals.Signed(Requests.Create("/api/centers"), Principals.Header(AppRoles.Reader));

        var result = Principals.Authenticator(Principals.Azure(Principals.Tenant.ToUpperInvariant())).Authenticate(request);

        Assert.Equal(CallerAuthenticationOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public void Authenticate_PrincipalOfAnotherTenant_IsRefused()
    {
        var request = Principals.Signed(Requests.Create("/api/centers"), Principals.Header(Principals.UserClaims(Principals.OtherTenant, Principals.ObjectId, AppRoles.Reader)));

        var result = Principals.Authenticator(Principals.Azure()).Authenticate(request);

        Assert.Equal(CallerAuthenticationOutcome.Refused, result.Outcome);
        Assert.Null(result.Caller);
        Assert.Contains($"belongs to tenant {Principals.OtherTenant}", result.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Principals.Tenant, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Authenticate_PlatformOnButNoTenantConfigured_RefusesEveryone()
    {
        var request = Principals.Signed(Requests.Create("/api/centers"), Principals.Header(AppRoles.Reader));

        var result = Principals.Authenticator(Principals.Azure(tenant: null)).Authenticate(request);

        Assert.Equal(CallerAuthenticationOutcome.Refused, result.Outcome);
        Assert.Contains("Authentication__TenantId is not set", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Authenticate_PlatformOnAndNoHeader_IsUnauthenticated()
    {
        var result = Principals.Authenticator(Principals.Azure()).Authenticate(Requests.Create("/api/centers"));

        Assert.Equal(CallerAuthenticationOutcome.Unauthenticated, result.Outcome);
        Assert.Contains("no signed-in principal", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Authenticate_PlatformOnAndMalformedHeader_IsUnauthenticatedSayingWhy()
    {
        var request = Principals.Signed(Requests.Create("/api/centers"), "eyJub3QiOiJhIHByaW5jaXBhbCJ9");

        var result = Principals.Authenticator(Principals.Azure()).Authenticate(request);

        Assert.Equal(CallerAuthenticationOutcome.Unauthenticated, result.Outcome);
        Assert.Contains("cannot be read", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("False")]
    [InlineData("1")]
    public void Authenticate_PlatformAuthenticationOff_IgnoresAForgedHeader(string? enabled)
    {
        // Without App Service authentication nothing strips a client's header: anyone could have written this one.
        var settings = Principals.Azure();
        settings[HostingPlatform.AuthenticationEnabledSetting] = enabled;
        var request = Principals.Signed(Requests.Create("/api/reviews/d1"), Principals.Header(AppRoles.Reader, AppRoles.Reviewer));

        var result = Principals.Authenticator(settings).Authenticate(request);

        Assert.Equal(CallerAuthenticationOutcome.Unauthenticated, result.Outcome);
        Assert.Contains("X-MS-CLIENT-PRINCIPAL was ignored", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Authenticate_DevelopmentPrincipalOnLoopbackInDevelopment_IsTheCaller()
    {
        var request = Principals.FromLoopback(Requests.Create("/api/reviews/d1"), forwardedFor: "127.0.0.1:51234");

        var result = Principals.Authenticator(Principals.Local()).Authenticate(request);

        Assert.Equal(CallerAuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal(Principals.DeveloperObjectId, result.Caller!.ObjectId);
        Assert.Equal(CallerSource.DevelopmentPrincipal, result.Caller.Source);
        Assert.True(result.Caller.HasRole(AppRoles.Reviewer));
    }

    [Fact]
    public void Authenticate_DevelopmentPrincipalOverIPv6Loopback_IsTheCaller()
    {
        var request = Principals.FromLoopback(Requests.Create("/api/centers"), forwardedFor: "[::1]:51234");
        request.HttpContext.Connection.RemoteIpAddress = IPAddress.IPv6Loopback;

        Assert.Equal(CallerAuthenticationOutcome.Authenticated, Principals.Authenticator(Principals.Local()).Authenticate(request).Outcome);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData(null)]
    public void Authenticate_DevelopmentPrincipalOutsideDevelopment_IsRefused(string? environment)
    {
        var settings = Principals.Local();
        settings[HostingPlatform.EnvironmentSetting] = environment;

        var result = Principals.Authenticator(settings).Authenticate(Principals.FromLoopback(Requests.Create("/api/centers")));

        Assert.Equal(CallerAuthenticationOutcome.Unauthenticated, result.Outcome);
        Assert.Contains("only in the Development environment", result.Problem, StringComparison.Ordinal);
        Assert.Contains($"'{environment ?? HostingPlatform.DefaultEnvironment}'", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Authenticate_DevelopmentPrincipalInAzure_IsRefused()
    {
        var settings = Principals.Local();
        settings[HostingPlatform.InstanceIdSetting] = "4c1b2a9e6f";

        var result = Principals.Authenticator(settings).Authenticate(Principals.FromLoopback(Requests.Create("/api/centers")));

        Assert.Equal(CallerAuthenticationOutcome.Unauthenticated, result.Outcome);
        Assert.Contains("never honoured in Azure", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.168.1.20", null, "the connection came from 192.168.1.20")]
    [InlineData(null, null, "an unknown address")]
    [InlineData("127.0.0.1", "10.20.30.40:49152", "forwarded for 10.20.30.40:49152")]
    [InlineData("127.0.0.1", "127.0.0.1, 203.0.113.7", "forwarded for 203.0.113.7")]
    [InlineData("127.0.0.1", "unknown", "forwarded for unknown")]
    [InlineData("::ffff:10.1.2.3", null, "the connection came from ::ffff:10.1.2.3")]
    public void Authenticate_DevelopmentPrincipalFromAnotherMachine_IsRefused(string? connection, string? forwardedFor, string expected)
    {
        // The local host forwards every request to the worker over loopback and appends the client's
        // address: a remote client shows in X-Forwarded-For, even when it wrote a loopback address there itself.
        var request = Requests.Create("/api/reviews/d1");
        request.HttpContext.Connection.RemoteIpAddress = connection is null ? null : IPAddress.Parse(connection);
        if (forwardedFor is not null)
        {
            request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        var result = Principals.Authenticator(Principals.Local()).Authenticate(request);

        Assert.Equal(CallerAuthenticationOutcome.Unauthenticated, result.Outcome);
        Assert.Contains("only for requests from this machine", result.Problem, StringComparison.Ordinal);
        Assert.Contains(expected, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Authenticate_DevelopmentPrincipalWithRemoteForwardedHeader_IsRefused()
    {
        var request = Principals.FromLoopback(Requests.Create("/api/centers"));
        request.Headers["Forwarded"] = "for=127.0.0.1;proto=http, for=\"[2001:db8:cafe::17]:4711\"";

        var result = Principals.Authenticator(Principals.Local()).Authenticate(request);

        Assert.Equal(CallerAuthenticationOutcome.Unauthenticated, result.Outcome);
        Assert.Contains("[2001:db8:cafe::17]:4711", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Authenticate_PlatformOnAndDevelopmentPrincipalSet_NeverUsesTheDevelopmentPrincipal()
    {
        var settings = Principals.Local();
        settings[HostingPlatform.AuthenticationEnabledSetting] = "True";
        settings["Authentication:TenantId"] = Principals.Tenant;

        var result = Principals.Authenticator(settings).Authenticate(Principals.FromLoopback(Requests.Create("/api/centers")));

        Assert.Equal(CallerAuthenticationOutcome.Unauthenticated, result.Outcome);
    }

    [Fact]
    public void Authenticate_NothingConfiguredLocally_IsUnauthenticatedPointingAtTheDocs()
    {
        var result = Principals.Authenticator([]).Authenticate(Principals.FromLoopback(Requests.Create("/api/centers")));

        Assert.Equal(CallerAuthenticationOutcome.Unauthenticated, result.Outcome);
        Assert.Contains("Signing in locally", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SignsNobodyIn_OnlyWithNeitherPlatformNorDevelopmentPrincipal()
    {
        Assert.False(Principals.Authenticator(Principals.Azure()).SignsNobodyIn);
        Assert.False(Principals.Authenticator(Principals.Local()).SignsNobodyIn);
        Assert.True(Principals.Authenticator([]).SignsNobodyIn);
    }

    [Fact]
    public void DescribeMode_EachMode_SaysHowCallersSignIn()
    {
        Assert.Contains("App Service authentication", Principals.Authenticator(Principals.Azure()).DescribeMode(), StringComparison.Ordinal);
        Assert.Contains("development principal " + Principals.DeveloperObjectId, Principals.Authenticator(Principals.Local()).DescribeMode(), StringComparison.Ordinal);
        Assert.Contains("every API call is refused", Principals.Authenticator([]).DescribeMode(), StringComparison.Ordinal);
    }
}
