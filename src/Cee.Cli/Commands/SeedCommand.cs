using System.CommandLine;
using System.Globalization;
using Azure.Identity;
using Cee.Cli.Output;
using Cee.Routing.Accounts;
using Cee.Routing.Cosmos;
using Cee.Routing.Requests;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cee.Cli.Commands;

/// <summary>
/// <c>cee seed --accounts &lt;file&gt; --requests &lt;file&gt; [--endpoint &lt;uri&gt;] [--database cee]
/// [--emulator-key &lt;key&gt;] [--importer-key-secret-env &lt;VAR&gt;]</c>: loads importer accounts and CBP
/// requests (JSON or CSV, docs/cosmos.md) into the Cosmos DB directories with upserts.
/// </summary>
/// <remarks>
/// Both files are read and checked before anything is written: one invalid entry and nothing is
/// written (exit 1). Seeding twice with the same files changes nothing. With <c>--emulator-key</c>
/// (loopback endpoints only) the database and containers are created when missing; in Azure the
/// command signs in with <c>DefaultAzureCredential</c> and expects infrastructure to have created them.
/// </remarks>
public static class SeedCommand
{
    /// <summary>The Cosmos DB emulator's usual endpoint, used when neither <c>--endpoint</c> nor <see cref="EndpointVariable"/> is given.</summary>
    public const string DefaultEndpoint = "https://localhost:8081/";

    /// <summary>The app setting the endpoint is read from when <c>--endpoint</c> is not given.</summary>
    public const string EndpointVariable = "Cosmos__AccountEndpoint";

    /// <summary>The app setting holding the importer key secret (docs/configuration.md), the default of <c>--importer-key-secret-env</c>.</summary>
    public const string DefaultSecretVariable = ImporterKeySecret.DefaultVariable;

    public static Command Create(CliContext context)
    {
        var accounts = new Option<FileInfo?>("--accounts")
        {
            Description = "Importer accounts: a JSON array of {importerNumber, center, trustedTrader} or a CSV file with the header importerNumber,center,trustedTrader.",
        };
        var requests = new Option<FileInfo?>("--requests")
        {
            Description = "CBP requests (CF-28/CF-29): a JSON array of {requestId, center} or a CSV file with the header requestId,center.",
        };
        var endpoint = new Option<string?>("--endpoint")
        {
            Description = $"Cosmos DB account endpoint (default: ${EndpointVariable}, else {DefaultEndpoint}).",
        };
        var database = new Option<string>("--database")
        {
            Description = "Database name.",
            DefaultValueFactory = _ => "cee",
        };
        var emulatorKey = new Option<string?>("--emulator-key")
        {
            Description = "The local emulator's key (loopback endpoints only). Without it the command signs in with DefaultAzureCredential.",
        };
        var secretVariable = new Option<string>("--importer-key-secret-env")
        {
            Description = "Environment variable holding the deployment's Base64 importer key secret, which SSN lookup keys are derived with.",
            DefaultValueFactory = _ => DefaultSecretVariable,
        };
        var command = new Command("seed", "Load importer accounts and CBP requests from JSON or CSV files into the Cosmos DB directories (idempotent upserts).");
        command.Options.Add(accounts);
        command.Options.Add(requests);
        command.Options.Add(endpoint);
        command.Options.Add(database);
        command.Options.Add(emulatorKey);
        command.Options.Add(secretVariable);
        command.SetAction((parseResult, cancellationToken) => ExecuteAsync(
            context,
            new SeedArguments(
                parseResult.GetValue(accounts),
                parseResult.GetValue(requests),
                parseResult.GetValue(endpoint),
                parseResult.GetRequiredValue(database),
                parseResult.GetValue(emulatorKey),
                parseResult.GetRequiredValue(secretVariable)),
            cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliContext context, SeedArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Accounts is null && arguments.Requests is null)
        {
            throw new UsageException("nothing to seed: give --accounts <file>, --requests <file> or both.");
        }

        var endpoint = ResolveEndpoint(arguments.Endpoint);
        var emulator = !string.IsNullOrEmpty(arguments.EmulatorKey);
        var keys = ImporterKeySecret.Resolve(context, arguments.SecretVariable, developmentAllowed: emulator,
            "seeding a deployment needs its importer key secret, or its SSN accounts get keys the Functions app cannot find.");

        // Every entry of both files is checked before anything is written.
        var accounts = arguments.Accounts is null ? null : DirectoryFiles.Load(arguments.Accounts, path => ImporterAccountFile.Load(path, keys));
        var requests = arguments.Requests is null ? null : DirectoryFiles.Load(arguments.Requests, CbpRequestFile.Load);
        var invalid = DirectoryFiles.Report(context, arguments.Accounts, accounts?.Errors) + DirectoryFiles.Report(context, arguments.Requests, requests?.Errors);
        if (invalid > 0)
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cee: {invalid} invalid entr{(invalid == 1 ? "y" : "ies")}; nothing was written."));
            return ExitCodes.Invalid;
        }

        await using var services = BuildServices(context, endpoint, arguments);
        var options = ValidatedOptions(services);
        var summaries = new List<SeedSummary>();
        try
        {
            if (emulator)
            {
                await services.GetRequiredService<CosmosResources>().EnsureCreatedAsync(cancellationToken);
            }

            var seeder = services.GetRequiredService<CosmosDirectorySeeder>();
            var progress = new ProgressWriter(context.Error);
            if (accounts is not null)
            {
                summaries.Add(await seeder.SeedAccountsAsync(accounts.Items, progress, cancellationToken));
            }

            if (requests is not null)
            {
                summaries.Add(await seeder.SeedRequestsAsync(requests.Items, progress, cancellationToken));
            }
        }
        catch (CosmosException ex)
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"cee: Cosmos DB answered {(int)ex.StatusCode} ({ex.StatusCode}) at {endpoint}; {Written(summaries)} (activity {ex.ActivityId})."));
            return ExitCodes.Internal;
        }
        catch (HttpRequestException ex)
        {
            await context.Error.WriteLineAsync($"cee: cannot reach Cosmos DB at {endpoint}: {FirstLine(ex.Message)}; {Written(summaries)}.");
            return ExitCodes.Internal;
        }
        catch (AuthenticationFailedException ex)
        {
            await context.Error.WriteLineAsync($"cee: could not sign in to {endpoint} with DefaultAzureCredential (az login, or a managed identity): {FirstLine(ex.Message)}");
            return ExitCodes.Internal;
        }

        await context.Output.WriteLineAsync($"Seeded database '{options.DatabaseName}' at {endpoint}:");
        foreach (var summary in summaries)
        {
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {summary.What}: {summary.Total} ({summary.Created} created, {summary.Replaced} replaced)"));
        }

        return ExitCodes.Ok;
    }

    private static Uri ResolveEndpoint(string? given)
    {
        var value = given ?? Environment.GetEnvironmentVariable(EndpointVariable) ?? DefaultEndpoint;
        return Uri.TryCreate(value, UriKind.Absolute, out var endpoint)
            ? endpoint
            : throw new UsageException($"--endpoint '{value}' is not an absolute URI, e.g. https://<account>.documents.azure.com:443/.");
    }

    private static ServiceProvider BuildServices(CliContext context, Uri endpoint, SeedArguments arguments)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{CosmosRoutingOptions.SectionName}:{nameof(CosmosRoutingOptions.AccountEndpoint)}"] = endpoint.AbsoluteUri,
            [$"{CosmosRoutingOptions.SectionName}:{nameof(CosmosRoutingOptions.DatabaseName)}"] = arguments.Database,
            [$"{CosmosRoutingOptions.SectionName}:{nameof(CosmosRoutingOptions.EmulatorKey)}"] = arguments.EmulatorKey,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .ClearProviders()
            .SetMinimumLevel(LogLevel.Warning)
            .AddProvider(new TextWriterLoggerProvider(context.Error, LogLevel.Warning)));
        services.AddCeeCosmos(configuration);
        return services.BuildServiceProvider();
    }

    private static CosmosRoutingOptions ValidatedOptions(ServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<IOptions<CosmosRoutingOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new UsageException(string.Join(" ", ex.Failures), ex);
        }
    }

    private static string Written(List<SeedSummary> summaries) =>
        summaries.Count == 0
            ? "nothing was written"
            : "written before the failure: " + string.Join(", ", summaries.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Total} {s.What}")));

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private sealed record SeedArguments(FileInfo? Accounts, FileInfo? Requests, string? Endpoint, string Database, string? EmulatorKey, string SecretVariable);

    /// <summary>Progress on standard error, one line per tenth of each kind, written as it happens (not posted to a thread pool).</summary>
    private sealed class ProgressWriter(TextWriter error) : IProgress<SeedProgress>
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, int> _printedTenths = [];

        public void Report(SeedProgress value)
        {
            var tenth = value.Total == 0 ? 10 : value.Done * 10 / value.Total;
            lock (_gate)
            {
                if (_printedTenths.TryGetValue(value.What, out var printed) && printed >= tenth)
                {
                    return;
                }

                _printedTenths[value.What] = tenth;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cee: seeding {value.What}: {value.Done}/{value.Total}"));
            }
        }
    }
}
