using System.CommandLine;
using System.Globalization;
using Cee.Cli.Ledger;
using Cee.Cli.Output;
using Cee.Routing.Centers;
using Cee.Routing.Identifiers;
using Cee.Routing.Ledger;
using Spectre.Console;

namespace Cee.Cli.Commands;

/// <summary>
/// <c>cee status &lt;out&gt;</c>: every document the ledger of a <c>cee route</c> output folder holds,
/// where it is and why, with its history; the embedded answer to "where is document X, and why
/// there?", as the HTTP API answers it in Azure. Reads only: safe while a run writes the folder.
/// </summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<DirectoryInfo>("out") { Description = "The output folder of cee route (its --out), holding ledger.db." };
        var state = new Option<string?>("--state") { Description = $"Only documents in this state: {string.Join(", ", Enum.GetNames<LedgerState>())}." };
        var center = new Option<string?>("--center") { Description = "Only documents whose Center is this one (routed, delivered or transferred to it), e.g. CEE007." };
        var entry = new Option<string?>("--entry") { Description = "Only documents of drops linked to this entry number, e.g. 002-6110316-2." };
        var document = new Option<string?>("--document") { Description = "Only this document: our document id, the DIS DocumentID, or a drop id." };
        var json = CommonOptions.Json();
        var command = new Command("status", "Where every routed document is, and why: state, Center, reasons and history, from the ledger of a cee route output folder.");
        command.Arguments.Add(folder);
        command.Options.Add(state);
        command.Options.Add(center);
        command.Options.Add(entry);
        command.Options.Add(document);
        command.Options.Add(json);
        command.SetAction(parseResult => Execute(
            context,
            parseResult.GetRequiredValue(folder),
            Filter(parseResult.GetValue(state), parseResult.GetValue(center), parseResult.GetValue(entry), parseResult.GetValue(document)),
            parseResult.GetValue(json)));
        return command;
    }

    private static int Execute(CliContext context, DirectoryInfo folder, LedgerFilter filter, bool json)
    {
        var path = Path.Combine(folder.FullName, SqliteRoutingLedger.FileName);
        if (!File.Exists(path))
        {
            throw new UsageException($"'{folder.FullName}' holds no ledger ({SqliteRoutingLedger.FileName}): it is not the --out of a cee route run.");
        }

        IReadOnlyList<LedgerRecord> records;
        using (var reader = SqliteRoutingLedger.OpenReader(path))
        {
            records = reader.Find(filter);
        }

        var documents = records.Select(ToJson).ToList();
        if (json)
        {
            CliJson.Write(context.Output, documents);
        }
        else
        {
            WriteTable(context.Console, documents);
        }

        if (documents.Count == 0 && filter != LedgerFilter.All)
        {
            context.Error.WriteLine("cee: no document in the ledger matches.");
            return ExitCodes.Invalid;
        }

        return ExitCodes.Ok;
    }

    private static LedgerFilter Filter(string? state, string? center, string? entry, string? document)
    {
        LedgerState? byState = null;
        if (state is not null)
        {
            byState = Enum.TryParse<LedgerState>(state.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new UsageException($"--state '{state}' is not a state; use one of {string.Join(", ", Enum.GetNames<LedgerState>())}.");
        }

        string? byCenter = null;
        if (center is not null)
        {
            byCenter = CenterCatalog.Default.TryGet(center.Trim().ToUpperInvariant(), out var known)
                ? known.Id
                : throw new UsageException($"--center '{center}' is not a Center id; use CEE001…CEE010 (see cee centers).");
        }

        string? byEntry = null;
        if (entry is not null)
        {
            byEntry = EntryNumber.TryParse(entry, out var number, out var error)
                ? number.ToString()
                : throw new UsageException($"--entry '{entry}' is not an entry number: {EntryNumber.Describe(error)}.");
        }

        return new LedgerFilter(byState, byCenter, byEntry, string.IsNullOrWhiteSpace(document) ? null : document.Trim());
    }

    private static StatusDocumentJson ToJson(LedgerRecord record) => new(
        SsnRedaction.Redact(record.Subject.Source),
        record.Subject.Document?.Id,
        record.Subject.Document?.SourceDocumentId is { } sourceDocumentId ? SsnRedaction.Redact(sourceDocumentId) : null,
        record.State.ToString(),
        record.Center,
        record.Topic,
        record.DuplicateOf,
        record.Reasons,
        [.. record.History.Select(h => new StatusTransitionJson(h.Step, h.State.ToString(), h.At, h.Reason,
            h.By is { } by ? new StatusActorJson(by.Id, by.Name) : null))]);

    private static void WriteTable(IAnsiConsole console, List<StatusDocumentJson> documents)
    {
        var table = new Table().AddColumns("Drop", "Document", "DIS DocumentID", "State", "Center", "Since", "History", "Why");
        foreach (var d in documents)
        {
            table.AddRow(
                Markup.Escape(d.Source),
                Markup.Escape(d.DocumentId?[^3..] ?? "-"),
                Markup.Escape(d.SourceDocumentId ?? "-"),
                Markup.Escape(d.State),
                Markup.Escape(d.Center ?? "-"),
                Markup.Escape(d.History.Count > 0 ? d.History[^1].At.ToString("u", CultureInfo.InvariantCulture) : "-"),
                Markup.Escape(string.Join(" > ", d.History.Select(h => h.Step))),
                Markup.Escape(d.Reasons.Count > 0 ? d.Reasons[^1] : string.Empty));
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{documents.Count} document(s): {string.Join(", ", documents.GroupBy(d => d.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))}."));
    }
}
