using System.CommandLine;
using Cee.Cli.Ledger;
using Cee.Cli.Local;
using Cee.Cli.Local.Output;
using Cee.Cli.Output;
using Cee.Routing.Centers;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Spectre.Console;

namespace Cee.Cli.Commands;

/// <summary>
/// <c>cee inbox &lt;out&gt; --center CEE007 [--ack] [--transfer id --to CEE005 --reason "…"]</c>: a
/// Center's side of a <c>cee route</c> output, as <c>src/Cee.CenterInbox</c> is in Azure. Lists the
/// messages of the Center's topic under <c>&lt;out&gt;/topics/</c> with what the ledger says of each,
/// records receipts (<c>--ack</c>) and transfers with the same <see cref="CenterActions"/> as the API.
/// </summary>
public static class InboxCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<DirectoryInfo>("out") { Description = "The output folder of cee route (its --out), holding ledger.db and topics/." };
        var center = new Option<string>("--center") { Description = "The Center whose inbox this is, e.g. CEE007.", Required = true, HelpName = "center" };
        var ack = new Option<bool>("--ack") { Description = "Acknowledge receipt of every message of the Center's topic whose document the Center holds (records Delivered)." };
        var transfer = new Option<string?>("--transfer") { Description = "Transfer this document (our document id) to the Center --to names, for --reason.", HelpName = "documentId" };
        var to = new Option<string?>("--to") { Description = "With --transfer: the Center the document belongs to, e.g. CEE005.", HelpName = "center" };
        var reason = new Option<string?>("--reason") { Description = $"With --transfer: why the document is not this Center's (1 to {TransferOptions.MaxReasonLength} characters).", HelpName = "text" };
        var maxTransfers = new Option<int>("--max-transfers") { Description = "Transfers of one document before the next goes to a person on the triage topic instead (1 to 20).", DefaultValueFactory = _ => new TransferOptions().MaxTransfers, HelpName = "n" };
        var json = CommonOptions.Json();
        var command = new Command("inbox", "A Center's inbox over a cee route output: list its messages, acknowledge receipt (--ack) or transfer a document to another Center.");
        command.Arguments.Add(folder);
        command.Options.Add(center);
        command.Options.Add(ack);
        command.Options.Add(transfer);
        command.Options.Add(to);
        command.Options.Add(reason);
        command.Options.Add(maxTransfers);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new InboxRequest(
                parseResult.GetRequiredValue(folder).FullName,
                CenterOf(parseResult.GetRequiredValue(center)),
                parseResult.GetValue(ack),
                parseResult.GetValue(transfer),
                parseResult.GetValue(to),
                parseResult.GetValue(reason),
                new TransferOptions { MaxTransfers = parseResult.GetValue(maxTransfers) },
                parseResult.GetValue(json));
            return ExecuteAsync(context, request, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(CliContext context, InboxRequest request, CancellationToken cancellationToken)
    {
        request.Check();
        var ledgerPath = Path.Combine(request.Out, SqliteRoutingLedger.FileName);
        if (!File.Exists(ledgerPath))
        {
            throw new UsageException($"'{request.Out}' holds no ledger ({SqliteRoutingLedger.FileName}): it is not the --out of a cee route run.");
        }

        var messages = TopicFolder.Read(request.Out, CenterCatalog.Default.Get(request.Center).Topic);
        if (!request.Ack && request.Transfer is null)
        {
            using var reader = SqliteRoutingLedger.OpenReader(ledgerPath);
            var records = reader.Find(LedgerFilter.All).ToDictionary(r => r.Id, StringComparer.Ordinal);
            var listed = messages.Select(m => Describe(m, m.Read.DocumentId is { } id ? records.GetValueOrDefault(id) : null, request.Center, null)).ToList();
            Write(context, request.Json, listed);
            return ExitCodes.Ok;
        }

        // Writing: hold the folder like cee route does, so no run writes the ledger meanwhile.
        using var held = await OutFolderLock.AcquireAsync(request.Out, "inbox", wait: false, context.Error, cancellationToken);
        using var ledger = SqliteRoutingLedger.Open(ledgerPath, context.OutputFaults);
        var output = new OutputFolder(request.Out, context.OutputFaults);
        var actions = new CenterActions(new FlushingLedger(ledger), new FolderTopicPublisher(output), new SystemWorkflowClock(TimeProvider.System), request.Options);
        var caller = CenterCaller.For(request.Center, new LedgerActor($"local:{Environment.UserName}", Environment.UserName));
        return request.Transfer is { } documentId
            ? await TransferAsync(context, request, actions, caller, documentId, cancellationToken)
            : await AcknowledgeAllAsync(context, request, actions, ledger, caller, messages, cancellationToken);
    }

    private static async Task<int> AcknowledgeAllAsync(
        CliContext context, InboxRequest request, CenterActions actions, SqliteRoutingLedger ledger, CenterCaller caller,
        IReadOnlyList<TopicFolderMessage> messages, CancellationToken cancellationToken)
    {
        var rows = new List<InboxMessageJson>();
        foreach (var message in messages)
        {
            if (message.Read.Message is not { } body)
            {
                // A withdrawal is news, not a document: nothing to acknowledge (the ledger already says Withdrawn).
                var withdrawn = message.Read.Withdrawal is { } withdrawal ? await ledger.GetAsync(withdrawal.DocumentId, cancellationToken) : null;
                rows.Add(Describe(message, withdrawn, request.Center, null));
                continue;
            }

            var record = await ledger.GetAsync(body.DocumentId, cancellationToken);
            var holds = record is not null && record.Center == request.Center && record.State.IsWithCenter()
                // A message of a document transferred away, or of an earlier holding, is not this Center's to acknowledge.
                && (record.State != LedgerState.Transferred || message.Properties?.MessageId == CenterMessages.TransferMessageId(record.Id, CenterMessages.TransferCount(record)));
            if (!holds)
            {
                rows.Add(Describe(message, record, request.Center, null));
                continue;
            }

            var result = await actions.AcknowledgeAsync(body.DocumentId, caller, cancellationToken);
            rows.Add(Describe(message, result.Record ?? record, request.Center, result));
        }

        Write(context, request.Json, rows);
        return ExitCodes.Ok;
    }

    private static async Task<int> TransferAsync(
        CliContext context, InboxRequest request, CenterActions actions, CenterCaller caller, string documentId, CancellationToken cancellationToken)
    {
        var result = await actions.TransferAsync(documentId, request.To!, request.Reason!, caller, cancellationToken);
        var outcome = result.Outcome switch
        {
            CenterActionOutcome.Transferred => "transferred",
            CenterActionOutcome.SentToReview => "sent-to-review",
            CenterActionOutcome.NotFound => "not-found",
            CenterActionOutcome.Invalid => "invalid",
            _ => "conflict",
        };
        var report = new InboxTransferJson(documentId, outcome, result.Repeated, result.Record?.State.ToString(), result.Record?.Center, result.Record?.Topic, result.Problem);
        if (request.Json)
        {
            CliJson.Write(context.Output, report);
        }
        else
        {
            context.Output.WriteLine(result.Succeeded
                ? $"{documentId}: {outcome}{(result.Repeated ? " (already recorded; its message written again)" : string.Empty)}; now {report.State} with {(result.Outcome == CenterActionOutcome.SentToReview ? "a person (cee-triage)" : report.Center)}."
                : $"{documentId}: {outcome}: {result.Problem}");
        }

        return result.Outcome switch
        {
            _ when result.Succeeded => ExitCodes.Ok,
            CenterActionOutcome.Invalid => ExitCodes.Usage,
            _ => ExitCodes.Invalid,
        };
    }

    private static InboxMessageJson Describe(TopicFolderMessage message, LedgerRecord? record, string center, CenterActionResult? acted)
    {
        var body = message.Read.Message;
        var withdrawal = message.Read.Withdrawal;
        var action = acted?.Outcome switch
        {
            CenterActionOutcome.Delivered => "acknowledged",
            CenterActionOutcome.AlreadyDelivered => "already-acknowledged",
            not null => "refused",
            null when withdrawal is not null => "withdrawal",
            null when body is null => "unreadable",
            null when record?.State == LedgerState.Withdrawn => "withdrawn",
            null when record is not null && record.Center == center && record.State.IsWithCenter() => record.State == LedgerState.Delivered ? "acknowledged-before" : "listed",
            _ => "not-held",
        };
        return new InboxMessageJson(
            message.File,
            message.Properties?.MessageId,
            message.Properties?.SessionId,
            message.Read.DocumentId,
            message.Properties?.Subject,
            body?.Label,
            body?.Entries ?? withdrawal?.Entries ?? [],
            record?.State.ToString(),
            record?.Center,
            action,
            withdrawal?.Reason,
            message.Read.Description ?? acted?.Problem);
    }

    private static void Write(CliContext context, bool json, List<InboxMessageJson> rows)
    {
        if (json)
        {
            CliJson.Write(context.Output, rows);
            return;
        }

        var table = new Table().AddColumns("Session", "Message", "Document", "Kind", "State", "Center", "Action");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.SessionId ?? "-"),
                Markup.Escape(row.MessageId ?? row.File),
                Markup.Escape(row.DocumentId ?? "-"),
                Markup.Escape(row.Kind ?? "-"),
                Markup.Escape(row.State ?? "-"),
                Markup.Escape(row.Center ?? "-"),
                Markup.Escape((row.Problem ?? row.Reason) is { } why ? $"{row.Action}: {why}" : row.Action));
        }

        context.Console.Write(table);
        context.Console.WriteLine($"{rows.Count} message(s): {string.Join(", ", rows.GroupBy(r => r.Action).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))}.");
    }

    private static string CenterOf(string value) =>
        CenterCatalog.Default.TryGet(value.Trim().ToUpperInvariant(), out var known)
            ? known.Id
            : throw new UsageException($"--center {CenterCatalog.DescribeUnknown(value)} (see cee centers).");

    private sealed record InboxRequest(string Out, string Center, bool Ack, string? Transfer, string? To, string? Reason, TransferOptions Options, bool Json)
    {
        public void Check()
        {
            if (Ack && Transfer is not null)
            {
                throw new UsageException("--ack and --transfer are separate steps; run one, then the other.");
            }

            if (Transfer is not null && (string.IsNullOrWhiteSpace(To) || string.IsNullOrWhiteSpace(Reason)))
            {
                throw new UsageException("--transfer needs --to <Center> and --reason \"...\".");
            }

            if (Transfer is null && (To is not null || Reason is not null))
            {
                throw new UsageException("--to and --reason go with --transfer <documentId>.");
            }

            if (Options.Validate() is { Count: > 0 } problems)
            {
                throw new UsageException($"--max-transfers: {string.Join(" ", problems)}");
            }
        }
    }
}
