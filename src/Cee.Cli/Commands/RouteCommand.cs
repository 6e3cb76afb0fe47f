using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Cee.Cli.Ledger;
using Cee.Cli.Local;
using Cee.Cli.Local.Output;
using Cee.Cli.Output;
using Cee.Routing.Accounts;
using Cee.Routing.Centers;
using Cee.Routing.Drops;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;
using Cee.Routing.Requests;
using Cee.Routing.Workflow;
using Spectre.Console;

namespace Cee.Cli.Commands;

/// <summary>
/// <c>cee route &lt;dir&gt;</c>: the whole routing pipeline over a folder of drops, in-process, with no
/// cloud and no emulator: the same core workflow the Functions app runs, over local ports.
/// </summary>
public static class RouteCommand
{
    public const string DefaultOut = "cee-out";

    /// <summary>The state reported for a drop whose file could not be read at all (an I/O failure, not bad input).</summary>
    public const string FailedState = "Failed";

    // Where cee before issue 13 kept its ledger.
    private const string LegacyLedger = "ledger/transitions.jsonl";

    // A per-document table stays readable up to about this many rows; beyond it, the summary alone.
    private const int MaxListedDocuments = 100;

    // Below this many drops a run is over before a progress bar would help.
    private const int ProgressThreshold = 200;

    public static Command Create(CliContext context)
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "The folder of drops: DIS packages and bare documents with their <file>.cee.json manifests, e.g. samples/drops." };
        var accounts = new Option<FileInfo?>("--accounts") { Description = "Importer accounts, JSON or CSV: [{ \"importerNumber\", \"center\": CEE001…CEE010 | NOTELG | PNDING, \"trustedTrader\" }]." };
        var requests = new Option<FileInfo?>("--requests") { Description = "CBP requests, JSON or CSV: [{ \"requestId\", \"center\" }]: who issued each CF-28/CF-29." };
        var output = new Option<DirectoryInfo?>("--out") { Description = $"Where documents, quarantine, topics and the ledger (ledger.db) go (default ./{DefaultOut}). The ledger persists: a re-run, or a run after a crash, routes nothing twice. One run per folder at a time." };
        var wait = new Option<bool>("--wait") { Description = "When another cee run is writing the same --out, wait for it to finish (by default: refuse at once, exit 2)." };
        var parallel = new Option<int>("--parallel") { Description = "Drops routed at once (default: 4 per processor).", DefaultValueFactory = _ => Environment.ProcessorCount * 4 };
        var failOnReject = new Option<bool>("--fail-on-reject") { Description = "Exit 1 when any drop was rejected (by default a rejected drop is a handled outcome: quarantined with its reasons, exit 0)." };
        var rules = CommonOptions.Rules();
        var json = CommonOptions.Json();
        var command = new Command("route", "Route every drop in a folder to its Center, in-process: intake, account, HTSUS rules, review, publish, ledger.");
        command.Arguments.Add(folder);
        command.Options.Add(accounts);
        command.Options.Add(requests);
        command.Options.Add(output);
        command.Options.Add(parallel);
        command.Options.Add(failOnReject);
        command.Options.Add(wait);
        command.Options.Add(rules);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) => ExecuteAsync(
            context,
            new RouteArguments(
                parseResult.GetRequiredValue(folder),
                parseResult.GetValue(accounts),
                parseResult.GetValue(requests),
                parseResult.GetValue(output) ?? new DirectoryInfo(DefaultOut),
                parseResult.GetValue(parallel),
                parseResult.GetValue(rules),
                parseResult.GetValue(json),
                parseResult.GetValue(failOnReject),
                parseResult.GetValue(wait)),
            cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliContext context, RouteArguments arguments, CancellationToken cancellationToken)
    {
        var settings = Prepare(context, arguments, out var invalidEntries);
        if (invalidEntries > 0)
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cee: {invalidEntries} invalid entr{(invalidEntries == 1 ? "y" : "ies")} in the accounts or requests file; nothing was routed."));
            return ExitCodes.Usage;
        }

        using var held = await OutFolderLock.AcquireAsync(settings.OutDirectory, "route", arguments.Wait, context.Error, cancellationToken);
        if (File.Exists(Path.Combine(settings.OutDirectory, LegacyLedger)))
        {
            // Its drops would route again into ledger.db: refuse rather than publish anything twice.
            throw new UsageException($"'{settings.OutDirectory}' holds the JSON-lines ledger of an older cee ({LegacyLedger}), which this cee does not read; route into a new --out.");
        }

        // What this run read, for cee review serve to resume a drop waiting for a person with the same inputs.
        new RouteSettingsFile(settings.DropsDirectory, arguments.Accounts?.FullName, arguments.Requests?.FullName, arguments.Rules?.FullName)
            .Save(new OutputFolder(settings.OutDirectory, context.OutputFaults));
        var clock = Stopwatch.StartNew();
        var drops = LocalRouteRunner.FindDrops(settings.DropsDirectory, settings.OutDirectory);
        var run = await RouteWithProgressAsync(context, settings, drops, held, cancellationToken);
        clock.Stop();

        var documents = run.Results.SelectMany(ToJson).ToList();
        if (arguments.Json)
        {
            CliJson.Write(context.Output, documents);
        }
        else if (documents.Count <= MaxListedDocuments)
        {
            WriteDocuments(context.Console, documents);
        }

        WriteSummary(arguments.Json ? context.ErrorConsole : context.Console, documents, drops.Count, settings.OutDirectory, clock.Elapsed);
        foreach (var failed in run.Results.Where(r => r.Failure is not null))
        {
            await context.Error.WriteLineAsync(SsnRedaction.Redact($"cee: {failed.Drop.Source} could not be read: {failed.Failure}"));
        }

        if (run.StopReason is not null)
        {
            await context.Error.WriteLineAsync(SsnRedaction.Redact(string.Create(CultureInfo.InvariantCulture,
                $"cee: stopped: {run.StopReason}. {run.NotRouted} drop(s) not finished, and the ledger may lack the steps of the last moments before the failure; run the same command again once the cause is fixed: it goes on from the ledger.")));
            return ExitCodes.Internal;
        }

        // Every drop ends handled (routed, waiting for a person, a duplicate, or rejected into quarantine
        // with its reasons), so the run succeeded; only an unreadable drop fails it, or a rejection when asked.
        return documents.Any(d => d.State == FailedState) ? ExitCodes.Internal
            : arguments.FailOnReject && documents.Any(d => d.State == nameof(Routing.Ledger.LedgerState.Rejected)) ? ExitCodes.Invalid
            : ExitCodes.Ok;
    }

    /// <summary>The settings of a run with these arguments (also what <c>cee review serve</c> resumes a drop with).</summary>
    internal static LocalRouteSettings Prepare(CliContext context, RouteArguments arguments, out int invalidEntries)
    {
        if (!arguments.Folder.Exists)
        {
            throw new UsageException($"'{arguments.Folder.FullName}' is not a folder.");
        }

        if (arguments.Parallel < 1)
        {
            throw new UsageException("--parallel must be at least 1.");
        }

        var drops = Path.GetFullPath(arguments.Folder.FullName);
        var output = Path.GetFullPath(arguments.Out.FullName);
        if (string.Equals(drops.TrimEnd(Path.DirectorySeparatorChar), output.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new UsageException("--out must not be the folder of drops: its documents and quarantine would be read as drops on the next run.");
        }

        var keys = ImporterKeySecret.Resolve(context, ImporterKeySecret.DefaultVariable, developmentAllowed: true, whyRequired: string.Empty, quiet: true);
        var accounts = arguments.Accounts is null ? null : DirectoryFiles.Load(arguments.Accounts, path => ImporterAccountFile.Load(path, keys));
        var requests = arguments.Requests is null ? null : DirectoryFiles.Load(arguments.Requests, CbpRequestFile.Load);
        invalidEntries = DirectoryFiles.Report(context, arguments.Accounts, accounts?.Errors) + DirectoryFiles.Report(context, arguments.Requests, requests?.Errors);
        return new LocalRouteSettings(
            drops,
            output,
            accounts?.Items ?? [],
            requests?.Items ?? [],
            RuleTableLoader.Load(arguments.Rules),
            IntakeOptions.Default with { ImporterKeys = keys },
            new RoutingWorkflowOptions(),
            arguments.Parallel);
    }

    private static async Task<LocalRouteRun> RouteWithProgressAsync(
        CliContext context, LocalRouteSettings settings, IReadOnlyList<DropReference> drops, OutFolderLock held, CancellationToken cancellationToken)
    {
        // A progress bar only for a person watching a long run: never into a file or a pipe.
        if (drops.Count < ProgressThreshold || context.OutputRedirected || Console.IsErrorRedirected)
        {
            return await LocalRouteRunner.RouteAsync(settings, drops, held, null, cancellationToken, context.OutputFaults);
        }

        LocalRouteRun? run = null;
        await context.ErrorConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(string.Create(CultureInfo.InvariantCulture, $"Routing {drops.Count} drops"), maxValue: drops.Count);
                run = await LocalRouteRunner.RouteAsync(settings, drops, held, new Progress<int>(done => task.Value = done), cancellationToken, context.OutputFaults);
                task.Value = drops.Count;
            });
        return run!;
    }

    /// <summary>The documents of one drop's result as <c>--json</c> prints them (also what <c>cee review serve</c> answers a decision with).</summary>
    internal static IEnumerable<RouteDocumentJson> ToJson(LocalDropResult result)
    {
        var source = SsnRedaction.Redact(result.Drop.Source);
        if (result.Outcome is null)
        {
            yield return new RouteDocumentJson(source, null, FailedState, null, null, [result.Failure ?? "unreadable"]);
            yield break;
        }

        foreach (var document in result.Outcome.Documents)
        {
            yield return new RouteDocumentJson(source, document.DocumentId, document.State.ToString(), document.Center, document.Topic, document.Reasons);
        }
    }

    private static void WriteDocuments(IAnsiConsole console, List<RouteDocumentJson> documents)
    {
        var table = new Table().AddColumns("Drop", "Document", "State", "Center", "Why");
        foreach (var d in documents)
        {
            table.AddRow(
                Markup.Escape(d.Source),
                Markup.Escape(d.DocumentId?[^3..] ?? "-"),
                Markup.Escape(d.State),
                Markup.Escape(d.Center ?? "-"),
                Markup.Escape(d.Reasons.Count > 0 ? d.Reasons[^1] : string.Empty));
        }

        console.Write(table);
    }

    private static void WriteSummary(IAnsiConsole console, List<RouteDocumentJson> documents, int drops, string output, TimeSpan elapsed)
    {
        string[] states = ["Routed", "AwaitingReview", "Duplicate", "Rejected", FailedState];
        var table = new Table().AddColumn("Center");
        foreach (var state in states)
        {
            table.AddColumn(new TableColumn(state).RightAligned());
        }

        var rows = documents
            .GroupBy(d => d.Center ?? string.Empty)
            .OrderBy(g => g.Key.Length == 0 ? 1 : 0)
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in rows)
        {
            var name = CenterCatalog.Default.TryGet(group.Key, out var center) ? $"{center.Id} {center.Name}" : "(no Center)";
            table.AddRow([Markup.Escape(name), .. states.Select(s => group.Count(d => d.State == s).ToString(CultureInfo.InvariantCulture))]);
        }

        table.AddRow(["[bold]all[/]", .. states.Select(s => $"[bold]{documents.Count(d => d.State == s).ToString(CultureInfo.InvariantCulture)}[/]")]);
        console.Write(table);
        var rate = elapsed.TotalSeconds > 0 ? drops / elapsed.TotalSeconds : 0;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{drops} drop(s), {documents.Count} document(s) in {elapsed.TotalSeconds:0.00} s ({rate:0} drops/s). Output: {output} (documents/, quarantine/, topics/, {SqliteRoutingLedger.FileName})."));
    }

    internal sealed record RouteArguments(DirectoryInfo Folder, FileInfo? Accounts, FileInfo? Requests, DirectoryInfo Out, int Parallel, FileInfo? Rules, bool Json, bool FailOnReject, bool Wait);
}
