using System.Text;
using System.Xml.Linq;
using Cee.Functions.Harness.Engine;
using Cee.Functions.Harness.Proxy;
using Cee.Functions.Intake;
using Cee.Functions.Orchestration;
using Cee.Functions.Storage;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Tests;
using Microsoft.DurableTask.Client;

namespace Cee.Functions.Tests.Engine;

/// <summary>
/// DIS withdrawals in the real engine, over Azurite and the Cosmos DB test server: the ledger lookup
/// runs as the <c>FindLedgerRecordsBySourceDocument</c> activity against Cosmos, the withdrawal goes
/// through the recording Service Bus sender, the answer is a blob in <c>port-responses</c>.
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class WithdrawalEngineTests
{
    private const string Electronics = "2704/entry-summary-electronics.xml";
    private const string Withdrawal = "2704/withdrawal-inv-2026-0417.xml";
    private static readonly XNamespace Dis = "http://cbp.dhs.gov/DIS";

    [SchemaFact]
    public async Task RouteDrop_WithdrawalOfARoutedInvoice_WithdrawsItInCosmosAndTellsCee007InItsSession()
    {
        await using var harness = await EngineHarness.StartAsync();
        var original = await EngineSamples.RouteAsync(harness, Electronics);

        var dropId = await EngineSamples.RouteAsync(harness, Withdrawal);

        var records = await harness.LedgerRecordsAsync(original);
        var invoice = Assert.Single(records, r => r.State == LedgerState.Withdrawn);
        Assert.Equal(("INV-2026-0417", "CEE007", dropId), (invoice.Subject.Document!.SourceDocumentId, invoice.Center, invoice.History[^1].CorrelationId));
        Assert.Equal(LedgerState.Routed, Assert.Single(records, r => r.Id != invoice.Id).State);
        var routed = Assert.Single(harness.Messages.Of(original), m => m.MessageId == invoice.Id);
        var told = Assert.Single(harness.Messages.Of(original), m => m.Message.Subject == WithdrawalMessage.Kind);
        Assert.Equal(("cee007", "withdrawal-" + invoice.Id, routed.Message.SessionId), (told.Topic, told.MessageId, told.Message.SessionId));
        Assert.Equal(WithdrawalMessage.Kind, told.Message.ApplicationProperties["kind"]);
        Assert.Equal(invoice.Id, ContractJson.Deserialize<WithdrawalMessage>(told.Body).DocumentId);
        Assert.Equal((LedgerState.Routed, "CEE007"), (Assert.Single(await harness.LedgerRecordsAsync(dropId)).State, (await harness.LedgerRecordsAsync(dropId))[0].Center));
        Assert.Equal(DisResponses.Accepted, await AnswerStatusAsync(harness, Withdrawal));
    }

    [SchemaFact]
    public async Task RouteDrop_SameWithdrawalTwiceAndAnUnknownOne_AreRejectedAndAnsweredSo()
    {
        await using var harness = await EngineHarness.StartAsync();
        var original = await EngineSamples.RouteAsync(harness, Electronics);
        await EngineSamples.RouteAsync(harness, Withdrawal);

        var again = await EngineSamples.RouteAsync(harness, Withdrawal, "2704/withdrawal-inv-2026-0417-again.xml");
        var unknown = await RouteBytesAsync(harness, "2704/withdrawal-never-sent.xml",
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(EngineSamples.Read(Withdrawal)).Replace("INV-2026-0417", "INV-NEVER-SENT", StringComparison.Ordinal)));

        var refusedAgain = Assert.Single(await harness.LedgerRecordsAsync(again));
        var refusedUnknown = Assert.Single(await harness.LedgerRecordsAsync(unknown));
        Assert.Equal(LedgerState.Rejected, refusedAgain.State);
        Assert.Contains($"[{FindingCodes.WithdrawalAlreadyWithdrawn}]", refusedAgain.History[^1].Reason, StringComparison.Ordinal);
        Assert.Equal(LedgerState.Rejected, refusedUnknown.State);
        Assert.Contains($"[{FindingCodes.WithdrawalUnknownDocument}]", refusedUnknown.History[^1].Reason, StringComparison.Ordinal);
        Assert.Single(harness.Messages.Of(original), m => m.Message.Subject == WithdrawalMessage.Kind);
        Assert.Equal(DisResponses.Rejected, await AnswerStatusAsync(harness, "2704/withdrawal-inv-2026-0417-again.xml"));
        Assert.Equal(DisResponses.Rejected, await AnswerStatusAsync(harness, "2704/withdrawal-never-sent.xml"));
    }

    [Fact]
    public async Task RouteDrop_CosmosFailsTheWithdrawnWriteUntilTheActivityFails_TheRetryRecordsItAndTheCenterIsToldOnce()
    {
        await using var harness = await EngineHarness.StartAsync();
        var original = await EngineSamples.RouteAsync(harness, Electronics);
        var invoice = (await harness.LedgerRecordsAsync(original)).Single(r => r.Subject.Document!.SourceDocumentId == "INV-2026-0417");
        // Every replace of the invoice's item fails (503) until a RecordTransition attempt has failed: the
        // withdrawal message is out, Withdrawn is not, and the activity retry policy runs the write again.
        bool ActivityFailed() => harness.Counters.Instances.Any(i => harness.Counters.AttemptsOf(i).Any(a => a.Activity == ActivityNames.RecordTransition && a.Failure is not null));
        var rule = harness.CosmosProxy.Inject(new FaultRule("withdrawn-503",
            (method, path) => method == "PUT" && path.EndsWith("/docs/" + invoice.Id, StringComparison.Ordinal),
            InjectedFault.CosmosUnavailable(), @while: () => !ActivityFailed()));

        var dropId = await EngineSamples.RouteAsync(harness, Withdrawal, "2704/withdrawal-retried.xml");
        var done = await harness.WaitForCompletionAsync(dropId, EngineTimeouts.WithRetries);

        Assert.True(rule.Injected > 0, "no fault was injected");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var attempts = harness.Counters.AttemptsOf(dropId).Where(a => a.Activity == ActivityNames.RecordTransition).ToList();
        Assert.Single(attempts, a => a.Failure is not null);
        var withdrawn = await harness.LedgerRecordsAsync(original);
        Assert.Single(withdrawn.Single(r => r.Id == invoice.Id).History, h => h.Step == "withdrawn");
        Assert.Equal(LedgerState.Withdrawn, withdrawn.Single(r => r.Id == invoice.Id).State);
        Assert.Single(harness.Messages.Of(original), m => m.Message.Subject == WithdrawalMessage.Kind);
        Assert.Equal(LedgerState.Routed, Assert.Single(await harness.LedgerRecordsAsync(dropId)).State);
    }

    private static async Task<string> RouteBytesAsync(EngineHarness harness, string path, byte[] content)
    {
        await harness.UploadDropAsync(path, content);
        var result = await harness.DeliverBlobCreatedAsync(path);
        Assert.Equal(DropTriggerOutcome.Started, result.Outcome);
        await harness.WaitForSettledAsync(result.Drop!.DropId, EngineTimeouts.Settle);
        return result.Drop.DropId;
    }

    private static async Task<string> AnswerStatusAsync(EngineHarness harness, string path)
    {
        var blob = await harness.Blobs.GetBlobContainerClient(StorageLayout.PortResponses).GetBlobClient(path + PortResponse.ValidationSuffix).DownloadContentAsync();
        var bytes = blob.Value.Content.ToArray();
        Assert.Empty(DisSchema.Validate(bytes));
        return XDocument.Parse(Encoding.UTF8.GetString(bytes)).Descendants(Dis + "MessageProcessingResult").Single().Element(Dis + "ProcessingStatus")!.Value;
    }
}
