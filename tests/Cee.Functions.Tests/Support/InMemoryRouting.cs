using Cee.Functions.Orchestration;
using Cee.Routing.Accounts;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Drops;
using Cee.Routing.Htsus;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Microsoft.DurableTask;
using Moq;

namespace Cee.Functions.Tests.Support;

/// <summary>
/// Every activity of <c>RouteDrop</c> answered in memory on a mocked orchestration context: the drop
/// opens as <see cref="Package"/>, the ledger is a dictionary the core's <see cref="LedgerRecord.ApplyOrCreate"/>
/// updates, the content is unclaimed, the importer has the given account, the lines are classified
/// by the embedded rules and every published message is kept.
/// </summary>
internal sealed class InMemoryRouting
{
    private InMemoryRouting(IntakeResult package, ImporterAccount account) => (Package, Account) = (package, account);

    public IntakeResult Package { get; }

    public ImporterAccount Account { get; }

    public Dictionary<string, LedgerRecord> Ledger { get; } = new(StringComparer.Ordinal);

    public List<TopicMessage> Published { get; } = [];

    /// <summary>The answers the orchestration wrote to the port, in order.</summary>
    public List<PortResponse> Responses { get; } = [];

    public List<(string Name, object? Input, TaskOptions? Options)> Calls { get; private set; } = [];

    public static InMemoryRouting Answer(Mock<TaskOrchestrationContext> context, IntakeResult package, ImporterAccount account)
    {
        var routing = new InMemoryRouting(package, account);
        var calls = context.RecordActivities<IntakeResult>((_, _) => routing.Package);
        context.RecordActivities<LedgerRecord?>((name, input) => name == ActivityNames.RecordTransition
            ? routing.Apply((LedgerTransition)input!)
            : input is LedgerRecordQuery query && routing.Ledger.TryGetValue(query.RecordId, out var record) ? record : null, calls);
        // The content is unclaimed: the activity stores and returns this drop's claim.
        context.RecordActivities<ContentClaim>((_, input) => (ContentClaim)input!, calls);
        context.RecordActivities<ImporterAccount>((_, _) => routing.Account, calls);
        context.RecordActivities<HtsLinesVerdict>((_, input) => HtsLinesVerdict.Classify(HtsRuleTable.Embedded, ((ClassifyLinesRequest)input!).Lines), calls);
        context.RecordActivities<string>((name, input) => name == ActivityNames.WritePortResponse
            ? routing.Respond((PortResponse)input!)
            : routing.Publish((TopicMessage)input!), calls);
        routing.Calls = calls;
        return routing;
    }

    /// <summary>A DIS package of two documents for one entry and one importer, with <paramref name="lines"/>.</summary>
    public static IntakeResult DisPackage(DropReference drop, ImporterRef importer, params CommodityLine[] lines) => new(
        drop.DropId, drop.Source, DropKind.Dis, "9f2c4b0e8d1a7c3f5e6b9a2d4c8e1f0a3b5d7c9e2f4a6b8d0c1e3f5a7b9d2c4e", IntakeVerdict.Accept, [],
        "2704", "002", ["002-6110316-2"], [importer], null,
        [Document(drop, 1), Document(drop, 2)],
        lines);

    public List<TopicMessage> PublishedOn(string topic)
    {
        lock (Published)
        {
            return [.. Published.Where(m => m.Topic == topic)];
        }
    }

    private static IntakeDocument Document(DropReference drop, int ordinal)
    {
        var id = DropIds.DocumentId(drop.DropId, ordinal);
        return new IntakeDocument(id, $"DOC-{ordinal}", "Commercial Invoice", DocumentKind.EntrySummary, $"document-{ordinal}.pdf", "pdf", "pdf", 1000 + ordinal, "ab", $"documents/{id}");
    }

    private LedgerRecord Apply(LedgerTransition transition)
    {
        lock (Ledger)
        {
            Ledger.TryGetValue(transition.RecordId, out var current);
            return Ledger[transition.RecordId] = LedgerRecord.ApplyOrCreate(current, transition).Record;
        }
    }

    private string Respond(PortResponse response)
    {
        lock (Responses)
        {
            Responses.Add(response);
        }

        return response.MessageId;
    }

    private string Publish(TopicMessage message)
    {
        lock (Published)
        {
            Published.Add(message);
        }

        return message.Properties.MessageId;
    }
}
