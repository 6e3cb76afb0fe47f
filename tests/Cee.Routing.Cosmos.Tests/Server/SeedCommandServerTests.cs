using System.Security.Cryptography;
using Cee.Cli;
using Cee.Routing.Cosmos.Tests.Support;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;

namespace Cee.Routing.Cosmos.Tests.Server;

/// <summary><c>cee seed</c> run in-process against the Cosmos DB test server, as an engineer runs it against the emulator.</summary>
[Collection(CosmosServerGroup.Name)]
public sealed class SeedCommandServerTests(CosmosServerFixture server) : IAsyncLifetime, IDisposable
{
    private readonly string _database = $"cee-seed-{Guid.NewGuid():N}"[..20];
    private readonly string _secretVariable = $"CEE_TEST_IMPORTER_KEY_{Guid.NewGuid():N}";
    private readonly byte[] _secret = SHA256.HashData("cee seed command server tests"u8);
    private readonly SeedFiles _files = new();

    public Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(_secretVariable, Convert.ToBase64String(_secret));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_secretVariable, null);
        using var _ = await server.Client.GetDatabase(_database).DeleteStreamAsync();
    }

    public void Dispose() => _files.Dispose();

    private Task<CliResult> SeedAsync(params string[] files) => CliResult.RunAsync(
    [
        "seed", .. files, "--endpoint", server.Endpoint.AbsoluteUri, "--database", _database,
        "--emulator-key", CosmosServerFixture.EmulatorKey, "--importer-key-secret-env", _secretVariable,
    ]);

    [Fact]
    public async Task Seed_AccountsAndRequests_CreatesTheDatabaseSeedsAndSummarizes()
    {
        var accounts = _files.Write("accounts.json", SeedFiles.AccountsJson);
        var requests = _files.Write("requests.csv", SeedFiles.RequestsCsv);

        var run = await SeedAsync("--accounts", accounts, "--requests", requests);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Contains($"Seeded database '{_database}'", run.Output, StringComparison.Ordinal);
        Assert.Contains("importer accounts: 3 (3 created, 0 replaced)", run.Output, StringComparison.Ordinal);
        Assert.Contains("CBP requests: 2 (2 created, 0 replaced)", run.Output, StringComparison.Ordinal);
        Assert.Contains("cee: seeding importer accounts: 3/3", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", run.Output + run.Error, StringComparison.Ordinal);

        // The accounts are found with the deployment's keys: the SSN account under its keyed hash.
        var options = CosmosServerFixture.NewOptions(server.Endpoint, _database);
        var directory = new CosmosImporterAccountDirectory(
            server.Client, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, new CapturingLogger<CosmosImporterAccountDirectory>());
        var soleProprietor = ImporterRef.From(ImporterNumber.Parse("078-05-1120"), new ImporterLookupKeys(_secret));
        Assert.Equal("CEE008", (await directory.FindAsync(soleProprietor, default)).Center);
    }

    [Fact]
    public async Task Seed_SameFilesTwice_ReplacesEverythingAndCreatesNothing()
    {
        var accounts = _files.Write("accounts.json", SeedFiles.AccountsJson);
        await SeedAsync("--accounts", accounts);

        var again = await SeedAsync("--accounts", accounts);

        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Contains("importer accounts: 3 (0 created, 3 replaced)", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_OneInvalidRow_WritesNothingAndExitsOne()
    {
        var accounts = _files.Write("accounts.csv", """
            importerNumber,center,trustedTrader
            12-345678900,CEE007,C-TPAT
            078-05-1120,CEE011,
            """);

        var run = await SeedAsync("--accounts", accounts);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("accounts.csv: row 2 (line 3), center: 'CEE011' is neither a Center ID", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", run.Error, StringComparison.Ordinal);
        using var database = await server.Client.GetDatabase(_database).ReadStreamAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, database.StatusCode);
    }

    private sealed record CliResult(int ExitCode, string Output, string Error)
    {
        public static async Task<CliResult> RunAsync(string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = await CeeApp.RunAsync(args, output, error, outputRedirected: true);
            return new CliResult(exitCode, output.ToString(), error.ToString());
        }
    }
}
