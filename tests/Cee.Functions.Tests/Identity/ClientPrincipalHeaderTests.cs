using Cee.Functions.Identity;
using Cee.Functions.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Cee.Functions.Tests.Identity;

/// <summary>The X-MS-CLIENT-PRINCIPAL header, as App Service authentication writes it for Microsoft Entra ID.</summary>
public class ClientPrincipalHeaderTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(1_000);

    [Fact]
    public void TryRead_EntraUserWithRoles_ReadsObjectIdTenantNameAndRoles()
    {
        var read = ClientPrincipalHeader.TryRead(Principals.Header(AppRoles.Reader, AppRoles.Reviewer), out var caller, out var problem);

        Assert.True(read, problem);
        Assert.Equal(Principals.ObjectId, caller!.ObjectId);
        Assert.Equal(Principals.Tenant, caller.TenantId);
        Assert.Equal(Principals.Name, caller.Name);
        Assert.Equal([AppRoles.Reader, AppRoles.Reviewer], caller.Roles.Order(StringComparer.Ordinal));
        Assert.Equal(CallerSource.AppServiceAuthentication, caller.Source);
    }

    [Fact]
    public void TryRead_RoleUnderTheDeclaredRoleType_IsARoleToo()
    {
        var claims = Principals.UserClaims();
        claims.Add((Principals.RoleType, AppRoles.Reviewer));

        Assert.True(ClientPrincipalHeader.TryRead(Principals.Header(claims), out var caller, out _));
        Assert.True(caller!.HasRole(AppRoles.Reviewer));
    }

    [Fact]
    public void TryRead_NoRoleClaims_IsAPrincipalWithNoRoles()
    {
        Assert.True(ClientPrincipalHeader.TryRead(Principals.Header(), out var caller, out _));

        Assert.Empty(caller!.Roles);
        Assert.Equal("none", caller.DescribeRoles());
    }

    [Fact]
    public void TryRead_RoleValues_AreCaseSensitive()
    {
        Assert.True(ClientPrincipalHeader.TryRead(Principals.Header("cee.reviewer"), out var caller, out _));

        Assert.False(caller!.HasRole(AppRoles.Reviewer));
    }

    [Fact]
    public void TryRead_NoNameClaim_FallsBackToTheUserName()
    {
        var claims = Principals.UserClaims().Where(c => c.Type != "name").ToList();

        Assert.True(ClientPrincipalHeader.TryRead(Principals.Header(claims), out var caller, out _));
        Assert.Equal(Principals.UserName, caller!.Name);
    }

    [Fact]
    public void TryRead_ApplicationSignedInAsItself_IsNamedByItsClientId()
    {
        // Client credentials: no name, no user name; azp is the calling application.
        List<(string, string)> claims =
        [
            (Principals.ObjectIdType, "22223333-cccc-4444-dddd-5555eeee6666"),
            (Principals.TenantIdType, Principals.Tenant),
            ("azp", "33334444-dddd-5555-eeee-6666ffff7777"),
            ("roles", AppRoles.Reader),
        ];

        Assert.True(ClientPrincipalHeader.TryRead(Principals.Header(claims), out var caller, out _));
        Assert.Equal("application 33334444-dddd-5555-eeee-6666ffff7777", caller!.Name);
    }

    [Fact]
    public void TryRead_UpperCaseGuids_AreNormalizedToLowerCase()
    {
        var header = Principals.Header(Principals.UserClaims(Principals.Tenant.ToUpperInvariant(), Principals.ObjectId.ToUpperInvariant()));

        Assert.True(ClientPrincipalHeader.TryRead(header, out var caller, out _));
        Assert.Equal((Principals.ObjectId, Principals.Tenant), (caller!.ObjectId, caller.TenantId));
    }

    [Fact]
    public void TryRead_VeryLongName_IsCutToWhatADecisionCarries()
    {
        var claims = Principals.UserClaims().Select(c => c.Type == "name" ? (c.Type, new string('n', 300)) : c).ToList();

        Assert.True(ClientPrincipalHeader.TryRead(Principals.Header(claims), out var caller, out _));
        Assert.Equal(Cee.Routing.Review.ReviewDecision.MaxReviewerLength, caller!.Name.Length);
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "", "is empty" },
        { "not base64 at all!", "not Base64" },
        { Principals.Encode("<principal/>"), "not the JSON App Service authentication writes" },
        { Principals.Encode("""{ "auth_typ": "aad", "claims": "oid" }"""), "not the JSON App Service authentication writes" },
        { Principals.Encode("null"), "JSON null" },
        { Principals.Encode("""{ "auth_typ": "aad", "claims": [] }"""), "no claims" },
        { Principals.Header(Principals.UserClaims(), authenticationType: "google"), "'google', not Microsoft Entra ID" },
        { Principals.Header(Principals.UserClaims().Where(c => c.Type != Principals.ObjectIdType)), "no object id (oid) claim" },
        { Principals.Header(Principals.UserClaims().Where(c => c.Type != Principals.TenantIdType)), "no tenant id (tid) claim" },
        { Principals.Header(Principals.UserClaims(objectId: "jane")), "object id (oid) is not a GUID" },
        { Principals.Header([.. Principals.UserClaims(), ("oid", "99990000-aaaa-1111-bbbb-2222cccc3333")]), "2 different object id (oid) claims" },
        { new string('A', ClientPrincipalHeader.MaxLength + 4), "at most 32768 are read" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryRead_Malformed_SaysWhatIsWrong(string header, string expected)
    {
        var read = ClientPrincipalHeader.TryRead(header, out var caller, out var problem);

        Assert.False(read);
        Assert.Null(caller);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_AnyText_NeverThrows() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
            ClientPrincipalHeader.TryRead(text, out var caller, out var problem) ? caller is not null : problem is not null));

    [Fact]
    public void TryRead_AnyBase64Bytes_NeverThrows() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
            ClientPrincipalHeader.TryRead(Convert.ToBase64String(bytes), out var caller, out var problem) ? caller is not null : problem is not null));

    [Fact]
    public void TryRead_GeneratedPrincipals_RoundTripTheirIdsAndRoles() =>
        Check.One(Runs, Prop.ForAll(
            ArbMap.Default.ArbFor<Guid>(), ArbMap.Default.ArbFor<Guid>(), Gen.SubListOf(["Cee.Reader", "Cee.Reviewer", "Cee.Center.CEE007", "other"]).ToArbitrary(),
            (objectId, tenant, roles) =>
            {
                var header = Principals.Header(Principals.UserClaims(tenant.ToString(), objectId.ToString(), [.. roles]));
                return ClientPrincipalHeader.TryRead(header, out var caller, out _)
                    && caller.ObjectId == objectId.ToString("D")
                    && caller.TenantId == tenant.ToString("D")
                    && caller.Roles.SetEquals(roles);
            }));
}
