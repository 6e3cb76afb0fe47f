using Cee.Functions.Harness.Engine;
using Cee.Functions.Http;
using Cee.Functions.Identity;
using Cee.Functions.Tests.Support;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Cee.Functions.Tests.Engine;

/// <summary>
/// Receipts and transfers through the app's own DI (<c>AddCeeFunctions</c>) after a real routing in
/// the Durable engine: the Cosmos DB ledger keeps the session and who made each step, and the
/// transfer goes out through the app's Service Bus publisher (recorded at the sender).
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class CenterActionsEngineTests
{
    [Fact]
    public async Task ReceiptAndTransfer_AfterRoutingInTheEngine_AreRecordedInCosmosAndPublishedInTheSameSession()
    {
        await using var harness = await EngineHarness.StartAsync();
        var dropId = await EngineSamples.RouteAsync(harness, "2704/entry-summary-electronics.xml");
        await harness.WaitForCompletionAsync(dropId, EngineTimeouts.Settle);
        var routed = (await harness.LedgerRecordsAsync(dropId))[0];
        var first = harness.Messages.Of(dropId).Single(m => m.MessageId == routed.Id);
        var api = ActivatorUtilities.CreateInstance<CenterDocumentsApi>(harness.Services, Principals.Access());

        var receipt = await api.AcknowledgeReceiptAsync(Requests.SignedIn($"/api/documents/{routed.Id}/receipt", null, AppRoles.ForCenter("CEE007")), routed.Id, CancellationToken.None);
        var transfer = await api.TransferDocumentAsync(
            Requests.SignedIn($"/api/documents/{routed.Id}/transfer", """{ "toCenter": "CEE005", "reason": "the coil on line 1 is steel" }""", AppRoles.ForCenter("CEE007")),
            routed.Id, CancellationToken.None);

        Assert.IsType<OkObjectResult>(receipt);
        Assert.IsType<OkObjectResult>(transfer);
        var stored = await harness.Ledger.GetAsync(routed.Id, CancellationToken.None);
        Assert.Equal((LedgerState.Transferred, "CEE005"), (stored!.State, stored.Center));
        Assert.Equal(first.Message.SessionId, stored.SessionId);
        Assert.Equal(["received", "validated", "publish-intent", "routed", "delivered-1", "transferred-1"], stored.History.Select(h => h.Step));
        Assert.Equal(new LedgerActor(Principals.ObjectId, Principals.Name), stored.History[^1].By);
        var moved = harness.Messages.Of(dropId).Single(m => m.MessageId == CenterMessages.TransferMessageId(routed.Id, 1));
        Assert.Equal(("cee005", first.Message.SessionId), (moved.Topic, moved.Message.SessionId));
        Assert.Equal("CEE005", ContractJson.Deserialize<RoutedDocumentMessage>(moved.Body).Center);
    }
}
