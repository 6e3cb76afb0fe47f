using System.CommandLine;
using Cee.Cli.Commands;
using Cee.Cli.Ledger;
using Cee.Cli.Local;
using Cee.Cli.Output;
using Microsoft.Extensions.Logging;

namespace Cee.Cli.Review;

/// <summary>
/// <c>cee review serve &lt;out&gt; [--port 8080]</c>: the triage console over a <c>cee route</c> output
/// folder, on loopback, so a person decides the drops waiting for one; the reviewer's side of a
/// local run, as the Functions app serves it in Azure.
/// </summary>
public static class ReviewCommand
{
    public const int DefaultPort = 8080;

    public static Command Create(CliContext context)
    {
        var folder = new Argument<DirectoryInfo>("out") { Description = "The output folder of cee route (its --out): ledger.db and route-settings.json." };
        var port = new Option<int>("--port") { Description = $"The loopback port to listen on (default {DefaultPort}; 0: any free port, printed).", DefaultValueFactory = _ => DefaultPort };
        var serve = new Command("serve", "Serve the triage console on 127.0.0.1: the drops awaiting review, their documents, and a person's decision, which routes the drop as the workflow does.");
        serve.Arguments.Add(folder);
        serve.Options.Add(port);
        serve.SetAction((parseResult, cancellationToken) => ServeAsync(context, parseResult.GetRequiredValue(folder), parseResult.GetValue(port), cancellationToken));
        var review = new Command("review", "The reviewer's side of a cee route output folder.");
        review.Subcommands.Add(serve);
        return review;
    }

    private static async Task<int> ServeAsync(CliContext context, DirectoryInfo folder, int port, CancellationToken cancellationToken)
    {
        if (port is < 0 or > 65535)
        {
            throw new UsageException($"--port {port} is not a TCP port (0 to 65535).");
        }

        var settings = Settings(context, folder);
        using var logs = new TextWriterLoggerProvider(context.Error, LogLevel.Information);
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var desk = new ReviewDesk(settings, ReviewerName(), TimeProvider.System, loggers.CreateLogger<ReviewDesk>());
        ReviewServer server;
        try
        {
            server = await ReviewServer.StartAsync(desk, port, logs, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new UsageException($"cannot listen on 127.0.0.1:{port}: {ex.Message}");
        }

        await using (server)
        {
            await context.Output.WriteLineAsync($"Triage console for {settings.OutDirectory}: {server.PageAddress} (loopback only; Ctrl+C stops).");
            await context.Output.FlushAsync(cancellationToken);
            await server.WaitAsync(cancellationToken);
        }

        return ExitCodes.Ok;
    }

    // The inputs of the cee route that wrote the folder, so a decided drop is routed again exactly as that run would have.
    private static LocalRouteSettings Settings(CliContext context, DirectoryInfo folder)
    {
        if (!File.Exists(Path.Combine(folder.FullName, SqliteRoutingLedger.FileName)))
        {
            throw new UsageException($"'{folder.FullName}' holds no ledger ({SqliteRoutingLedger.FileName}): it is not the --out of a cee route run.");
        }

        var saved = RouteSettingsFile.Load(folder.FullName);
        var arguments = new RouteCommand.RouteArguments(
            new DirectoryInfo(saved.Drops),
            saved.Accounts is null ? null : new FileInfo(saved.Accounts),
            saved.Requests is null ? null : new FileInfo(saved.Requests),
            folder,
            1,
            saved.Rules is null ? null : new FileInfo(saved.Rules),
            Json: false,
            FailOnReject: false,
            Wait: false);
        var settings = RouteCommand.Prepare(context, arguments, out var invalidEntries);
        return invalidEntries == 0
            ? settings
            : throw new UsageException("the accounts or requests file cee route read has invalid entries now; fix them (or run cee route again) before serving.");
    }

    // No directory behind a local run: the reviewer recorded is the operating-system user serving the console.
    private static string ReviewerName() =>
        string.IsNullOrWhiteSpace(Environment.UserName) ? "local reviewer" : $"{Environment.UserName} (cee review serve)";
}
