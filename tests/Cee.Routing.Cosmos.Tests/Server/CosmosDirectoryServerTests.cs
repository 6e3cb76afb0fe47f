using System.Security.Cryptography;
using Cee.Routing.Accounts;
using Cee.Routing.Cosmos.Tests.Support;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;
using Cee.Routing.Requests;

namespace Cee.Routing.Cosmos.Tests.Server;

/// <summary>Importer accounts and CBP requests against a real Cosmos DB server, seeded from files.</summary>
[Collection(CosmosServerGroup.Name)]
public class CosmosDirectoryServerTests(CosmosServerFixture server)
{
    private static readonly ImporterLookupKeys Keys = new(SHA256.HashData("cee directory server tests"u8));

    private CosmosImporterAccountDirectory Accounts(CosmosRoutingOptions options) =>
        new(server.Client, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, new CapturingLogger<CosmosImporterAccountDirectory>());

    private CosmosCbpRequestDirectory Requests(CosmosRoutingOptions options) =>
        new(server.Client, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, new CapturingLogger<CosmosCbpRequestDirectory>());

    private static ImporterRef Ref(string number) => ImporterRef.From(ImporterNumber.Parse(number), Keys);

    [Fact]
    public async Task SeedThenFind_FilesOfAccountsAndRequests_EveryEntryIsFoundByItsKey()
    {
        await using var database = await server.IsolatedDatabaseAsync();
        using var files = new SeedFiles();
        var accounts = ImporterAccountFile.Load(files.Write("accounts.json", SeedFiles.AccountsJson), Keys);
        var requests = CbpRequestFile.Load(files.Write("requests.csv", SeedFiles.RequestsCsv));
        var seeder = new CosmosDirectorySeeder(Accounts(database.Options), Requests(database.Options));
        var progress = new List<SeedProgress>();

        var seededAccounts = await seeder.SeedAccountsAsync(accounts.Items, new SynchronousProgress(progress), default);
        var seededRequests = await seeder.SeedRequestsAsync(requests.Items, null, default);

        Assert.Equal((3, 0), (seededAccounts.Created, seededAccounts.Replaced));
        Assert.Equal((2, 0), (seededRequests.Created, seededRequests.Replaced));
        Assert.Equal(3, progress.Max(p => p.Done));
        var electronics = await Accounts(database.Options).FindAsync(Ref("12-345678900"), default);
        Assert.Equal((AccountStatus.Assigned, "CEE007"), (electronics.Status, electronics.Center));
        Assert.Equal(["C-TPAT"], electronics.TrustedTrader);
        var soleProprietor = await Accounts(database.Options).FindAsync(Ref("078051120"), default);
        Assert.Equal((AccountStatus.Assigned, "CEE008", "***-**-1120"), (soleProprietor.Status, soleProprietor.Center, soleProprietor.Importer));
        Assert.Equal(AccountStatus.NotEligible, (await Accounts(database.Options).FindAsync(Ref("98-765432100"), default)).Status);
        Assert.Equal("CEE003", await Requests(database.Options).FindIssuingCenterAsync("CF28-2026-004417", default));
        Assert.Equal("CEE007", await Requests(database.Options).FindIssuingCenterAsync("CF29-2026-000981", default));
    }

    [Fact]
    public async Task SeedAccountsAsync_SameFileTwice_ReplacesAndChangesNothing()
    {
        await using var database = await server.IsolatedDatabaseAsync();
        var accounts = ImporterAccountFile.Parse(SeedFiles.AccountsJson, Directories.DirectoryFileFormat.Json, Keys).Items;
        var seeder = new CosmosDirectorySeeder(Accounts(database.Options), Requests(database.Options));
        await seeder.SeedAccountsAsync(accounts, null, default);
        var before = await CosmosRoutingLedgerServerTests.RawAsync(database.Container(database.Options.AccountsContainer), "12345678900");

        var again = await seeder.SeedAccountsAsync(accounts, null, default);

        Assert.Equal((0, 3), (again.Created, again.Replaced));
        var after = await CosmosRoutingLedgerServerTests.RawAsync(database.Container(database.Options.AccountsContainer), "12345678900");
        foreach (var system in new[] { "_rid", "_self", "_etag", "_ts", "_attachments" })
        {
            before.Remove(system);
            after.Remove(system);
        }

        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task FindAsync_CbpAssignedFormOfASeededEin_FindsTheSameAccount()
    {
        // 12-345678900 and 123456-78900 share the 11 characters, hence the lookup key (ImporterNumber's summary).
        await using var database = await server.IsolatedDatabaseAsync();
        var accounts = ImporterAccountFile.Parse(SeedFiles.AccountsJson, Directories.DirectoryFileFormat.Json, Keys).Items;
        await new CosmosDirectorySeeder(Accounts(database.Options), Requests(database.Options)).SeedAccountsAsync(accounts, null, default);

        var account = await Accounts(database.Options).FindAsync(Ref("123456-78900"), default);

        Assert.Equal("CEE007", account.Center);
    }

    [Fact]
    public async Task FindAsync_NeverSeeded_ReturnsUnknown()
    {
        var account = await Accounts(server.Options).FindAsync(Ref("45-678912300"), default);

        Assert.Equal(AccountStatus.Unknown, account.Status);
        Assert.Equal("45-678912300", account.Importer);
    }

    [Fact]
    public async Task FindIssuingCenterAsync_NeverSeeded_ReturnsNull()
    {
        Assert.Null(await Requests(server.Options).FindIssuingCenterAsync("CF28-2026-999999", default));
    }

    [Fact]
    public async Task SeedAccountsAsync_SsnImporter_StoresTheKeyedHashAndTheMaskedNumberOnly()
    {
        await using var database = await server.IsolatedDatabaseAsync();
        var accounts = ImporterAccountFile.Parse(SeedFiles.AccountsJson, Directories.DirectoryFileFormat.Json, Keys).Items;
        await new CosmosDirectorySeeder(Accounts(database.Options), Requests(database.Options)).SeedAccountsAsync(accounts, null, default);
        var key = Ref("078-05-1120").LookupKey;

        var stored = (await CosmosRoutingLedgerServerTests.RawAsync(database.Container(database.Options.AccountsContainer), key)).ToJsonString();

        Assert.StartsWith("ssn-", key, StringComparison.Ordinal);
        Assert.Contains("\"importer\":\"***-**-1120\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("078051120", stored, StringComparison.Ordinal);
        Assert.False(SsnRedaction.ContainsSsnLike(stored), stored);
    }

    private sealed class SynchronousProgress(List<SeedProgress> reports) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
