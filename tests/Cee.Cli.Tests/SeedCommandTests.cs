namespace Cee.Cli.Tests;

/// <summary>
/// <c>cee seed</c> up to the point where it would connect: usage errors and invalid files are
/// answered before any Cosmos DB call (the endpoint here does not exist). Seeding itself runs against
/// the Cosmos DB test server in tests/Cee.Routing.Cosmos.Tests (SeedCommandServerTests).
/// </summary>
public sealed class SeedCommandTests : IDisposable
{
    private const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    // Nothing listens on port 9 (discard) of the loopback: a call that got that far would fail with exit code 3.
    private const string NowhereLocal = "http://127.0.0.1:9/";

    private readonly string _folder = Directory.CreateTempSubdirectory("cee-seed-cli-").FullName;
    private readonly string _unsetVariable = $"CEE_TEST_UNSET_{TempDirectory.UniqueName()}";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string ValidAccounts() => Write("accounts.json", """[ { "importerNumber": "12-345678900", "center": "CEE007" } ]""");

    [Fact]
    public async Task Seed_NoFile_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync("seed", "--endpoint", NowhereLocal, "--emulator-key", EmulatorKey);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("give --accounts <file>, --requests <file> or both", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_MissingFile_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync("seed", "--accounts", Path.Combine(_folder, "accounts.json"), "--endpoint", NowhereLocal, "--emulator-key", EmulatorKey);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_FileThatIsNotADirectoryFile_IsAUsageError()
    {
        var requests = Write("requests.csv", "request,centre\nCF28-2026-004417,CEE003\n");

        var run = await CliRun.InvokeAsync("seed", "--requests", requests, "--endpoint", NowhereLocal, "--emulator-key", EmulatorKey);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("requests.csv: the CSV header names an unknown column 'request'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_InvalidEntries_NamesEachRowWritesNothingAndExitsOne()
    {
        var accounts = Write("accounts.json", """
            [
              { "importerNumber": "12-345678900", "center": "CEE007" },
              { "importerNumber": "078-05-1120", "center": "CEE011" },
              { "importerNumber": "666-05-1120", "center": "CEE008" }
            ]
            """);

        var run = await CliRun.InvokeAsync("seed", "--accounts", accounts, "--endpoint", NowhereLocal, "--emulator-key", EmulatorKey, "--importer-key-secret-env", _unsetVariable);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("cee: accounts.json: row 2, center: 'CEE011' is neither a Center ID", run.Error, StringComparison.Ordinal);
        Assert.Contains("cee: accounts.json: row 3, importerNumber: not an importer number: an SSN never has area number 666", run.Error, StringComparison.Ordinal);
        Assert.Contains("2 invalid entries; nothing was written.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("05-1120", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Seed_EmulatorKeyForAnAzureEndpoint_IsRefused()
    {
        var run = await CliRun.InvokeAsync(
            "seed", "--accounts", ValidAccounts(), "--endpoint", "https://cee-prod.documents.azure.com:443/", "--emulator-key", EmulatorKey,
            "--importer-key-secret-env", _unsetVariable);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Cosmos:EmulatorKey is set but Cosmos:AccountEndpoint 'cee-prod.documents.azure.com' is not loopback", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_AzureWithoutTheImporterKeySecret_IsRefused()
    {
        var run = await CliRun.InvokeAsync(
            "seed", "--accounts", ValidAccounts(), "--endpoint", "https://cee-prod.documents.azure.com:443/", "--importer-key-secret-env", _unsetVariable);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"{_unsetVariable} is not set: seeding a deployment needs its importer key secret", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_SecretThatIsNotBase64_IsRefusedWithoutEchoingIt()
    {
        var variable = $"CEE_TEST_SECRET_{TempDirectory.UniqueName()}";
        Environment.SetEnvironmentVariable(variable, "not-a-secret!");
        try
        {
            var run = await CliRun.InvokeAsync("seed", "--accounts", ValidAccounts(), "--endpoint", NowhereLocal, "--emulator-key", EmulatorKey, "--importer-key-secret-env", variable);

            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains($"{variable} does not hold a usable importer key secret", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("not-a-secret!", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Seed_UnreachableEmulator_FailsInOneLineWithExitCodeThree()
    {
        var run = await CliRun.InvokeAsync("seed", "--accounts", ValidAccounts(), "--endpoint", NowhereLocal, "--emulator-key", EmulatorKey, "--importer-key-secret-env", _unsetVariable);

        Assert.Equal(ExitCodes.Internal, run.ExitCode);
        Assert.Contains("SSN lookup keys use the published development key", run.Error, StringComparison.Ordinal);
        Assert.Contains($"cee: cannot reach Cosmos DB at {NowhereLocal}", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("cee: ", StringComparison.Ordinal) && !line.Contains("warning", StringComparison.Ordinal));
    }
}
