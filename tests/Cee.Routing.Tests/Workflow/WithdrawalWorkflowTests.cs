using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Cee.Routing.Accounts;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Review;
using Cee.Routing.Tests.Support;
using Cee.Tests;
using Moq;
using TestDrops = Cee.Routing.Tests.Support.Drops;

namespace Cee.Routing.Tests.Workflow;

/// <summary>A DIS DocumentWithdrawal through the workflow over fakes: what it withdraws, what it refuses, and crashes between its steps.</summary>
public class WithdrawalWorkflowTests
{
    private static readonly XNamespace Dis = "http://cbp.dhs.gov/DIS";
    private static readonly DropReference Original = TestDrops.Reference();
    private static readonly DropReference Withdrawal = TestDrops.Reference("port-drops/2704/withdrawal-doc-1.xml");
    private static readonly DropReference SameWithdrawalAgain = TestDrops.Reference("port-drops/2704/withdrawal-doc-1-again.xml");

    [SchemaFact]
    public async Task RunAsync_WithdrawalOfARoutedDocument_WithdrawsItAndTellsItsCenterInItsSession()
    {
        var harness = await RoutedOriginalAsync();
        var routedInvoice = harness.Published.Single(m => m.Properties.MessageId == DocumentId(1));

        var outcome = await harness.WithDrop(TestDrops.Withdrawal(Withdrawal)).RunAsync(Withdrawal);

        var invoice = harness.Ledger.Records[DocumentId(1)];
        Assert.Equal((LedgerState.Withdrawn, "CEE007"), (invoice.State, invoice.Center));
        Assert.Equal(["received", "validated", "publish-intent", "routed", "withdrawn"], invoice.History.Select(h => h.Step));
        Assert.Equal(Withdrawal.DropId, invoice.History[^1].CorrelationId);
        Assert.Contains("Invoice sent for the wrong entry", invoice.History[^1].Reason, StringComparison.Ordinal);
        // The other document of the original drop is untouched.
        Assert.Equal(["received", "validated", "publish-intent", "routed"], harness.Ledger.Records[DocumentId(2)].History.Select(h => h.Step));

        var message = Assert.Single(harness.Published, m => m.Properties.Subject == WithdrawalMessage.Kind);
        Assert.Equal(("cee007", "withdrawal-" + DocumentId(1), routedInvoice.Properties.SessionId),
            (message.Topic, message.Properties.MessageId, message.Properties.SessionId));
        Assert.Equal(("withdrawal", "CEE007"), (message.Properties.ApplicationProperties["kind"], message.Properties.ApplicationProperties["center"]));
        var body = ContractJson.Deserialize<WithdrawalMessage>(message.Body);
        Assert.Equal((WithdrawalMessage.SchemaName, 1, DocumentId(1), Original.DropId, "DOC-1", "Invoice sent for the wrong entry"),
            (body.Schema, body.SchemaVersion, body.DocumentId, body.DropId, body.SourceDocumentId, body.Reason));

        var own = Assert.Single(outcome.Documents);
        Assert.Equal((LedgerState.Routed, "CEE007", "cee007"), (own.State, own.Center, own.Topic));
        var answer = SchemaValidationOf(harness, Withdrawal);
        Assert.Equal((DisResponses.Accepted, "WITHDRAWAL"), (Status(answer), answer.Descendants(Dis + "ProcessingEvent").First().Value));
    }

    [SchemaFact]
    public async Task RunAsync_WithdrawalOfAnUnknownDocument_IsRejectedQuarantinedAndAnsweredSo()
    {
        var harness = await RoutedOriginalAsync();

        var outcome = await harness.WithDrop(TestDrops.Withdrawal(Withdrawal, documentId: "INV-NEVER-SENT")).RunAsync(Withdrawal);

        Assert.Equal(LedgerState.Rejected, Assert.Single(outcome.Documents).State);
        Assert.Equal(FindingCodes.WithdrawalUnknownDocument, Assert.Single(harness.Quarantined.Last()).Code);
        Assert.DoesNotContain(harness.Published, m => m.Properties.Subject == WithdrawalMessage.Kind);
        Assert.All(harness.Ledger.Records.Values.Where(r => r.Subject.DropId == Original.DropId), r => Assert.Equal(LedgerState.Routed, r.State));
        var answer = SchemaValidationOf(harness, Withdrawal);
        Assert.Equal(DisResponses.Rejected, Status(answer));
        Assert.Contains(answer.Descendants(Dis + "ProcessingLogText"), t => t.Value.Contains($"[{FindingCodes.WithdrawalUnknownDocument}] no document INV-NEVER-SENT on port 2704", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WithdrawalNamingAnotherEntry_IsRefusedAsUnknown()
    {
        var harness = await RoutedOriginalAsync();

        var outcome = await harness.WithDrop(TestDrops.Withdrawal(Withdrawal, entries: [TestDrops.SecondEntry])).RunAsync(Withdrawal);

        Assert.Contains(FindingCodes.WithdrawalUnknownDocument, Assert.Single(outcome.Documents).Reasons[0], StringComparison.Ordinal);
        Assert.Equal(LedgerState.Routed, harness.Ledger.Records[DocumentId(1)].State);
    }

    [SchemaFact]
    public async Task RunAsync_SameWithdrawalTwice_TheSecondIsRefusedAsAlreadyWithdrawn()
    {
        var harness = await RoutedOriginalAsync();
        await harness.WithDrop(TestDrops.Withdrawal(Withdrawal)).RunAsync(Withdrawal);

        // The same bytes in another drop: a withdrawal claims no content, so it is looked up, and refused.
        var again = await harness.WithDrop(TestDrops.Withdrawal(SameWithdrawalAgain)).RunAsync(SameWithdrawalAgain);

        var refused = Assert.Single(again.Documents);
        Assert.Equal(LedgerState.Rejected, refused.State);
        Assert.Contains($"[{FindingCodes.WithdrawalAlreadyWithdrawn}]", refused.Reasons[0], StringComparison.Ordinal);
        Assert.Contains($"already withdrawn by drop {Withdrawal.DropId}", refused.Reasons[0], StringComparison.Ordinal);
        Assert.Single(harness.Published, m => m.Properties.Subject == WithdrawalMessage.Kind);
        Assert.Single(harness.Ledger.Records[DocumentId(1)].History, h => h.Step == "withdrawn");
        Assert.Equal(DisResponses.Rejected, Status(SchemaValidationOf(harness, SameWithdrawalAgain)));
    }

    [Fact]
    public async Task RunAsync_SameWithdrawalDropRunTwice_PublishesOnceAndAnswersTheSameBytes()
    {
        var harness = await RoutedOriginalAsync();
        harness.WithDrop(TestDrops.Withdrawal(Withdrawal));
        await harness.RunAsync(Withdrawal);
        var first = ValidationOf(harness, Withdrawal).ToString();

        var rerun = await harness.RunAsync(Withdrawal);

        Assert.Single(harness.Published, m => m.Properties.Subject == WithdrawalMessage.Kind);
        Assert.Equal(LedgerState.Withdrawn, harness.Ledger.Records[DocumentId(1)].State);
        Assert.Equal(first, ValidationOf(harness, Withdrawal).ToString());
        Assert.Equal("CEE007", Assert.Single(rerun.Documents).Center);
    }

    [Fact]
    public async Task RunAsync_WithdrawalOfADocumentAwaitingReview_IsRefusedAndTheReviewGoesOn()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Original, importers: [], lines: TestDrops.TiedLines));
        harness.Review.Setup(r => r.WaitForDecisionAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.NoReviewer);
        await harness.RunAsync(Original);

        var outcome = await harness.WithDrop(TestDrops.Withdrawal(Withdrawal)).RunAsync(Withdrawal);

        Assert.Contains($"[{FindingCodes.WithdrawalNotWithCenter}]", Assert.Single(outcome.Documents).Reasons[0], StringComparison.Ordinal);
        Assert.Contains("is AwaitingReview", outcome.Documents[0].Reasons[0], StringComparison.Ordinal);
        Assert.Equal(LedgerState.AwaitingReview, harness.Ledger.Records[DocumentId(1)].State);
        Assert.DoesNotContain(harness.Published, m => m.Properties.Subject == WithdrawalMessage.Kind);
    }

    [Fact]
    public async Task RunAsync_CrashAfterPublishingBeforeRecordingWithdrawn_RerunEndsAsACleanRun()
    {
        var clean = await RoutedOriginalAsync();
        await clean.WithDrop(TestDrops.Withdrawal(Withdrawal)).RunAsync(Withdrawal);
        var harness = await RoutedOriginalAsync();
        harness.WithDrop(TestDrops.Withdrawal(Withdrawal));
        harness.Ledger.CrashBefore = t => t.Step == "withdrawn";

        await Assert.ThrowsAsync<IOException>(() => harness.RunAsync(Withdrawal));
        Assert.Equal(LedgerState.Routed, harness.Ledger.Records[DocumentId(1)].State);
        Assert.Single(harness.Published, m => m.Properties.Subject == WithdrawalMessage.Kind);
        await harness.RunAsync(Withdrawal);

        // The rerun publishes the same MessageId again (duplicate detection drops it) and ends as the clean run did.
        Assert.Equal(["withdrawal-" + DocumentId(1)], harness.Published.Where(m => m.Properties.Subject == WithdrawalMessage.Kind).Select(m => m.Properties.MessageId).Distinct());
        AssertSameEnd(clean, harness);
    }

    [Fact]
    public async Task RunAsync_CrashAfterRecordingWithdrawnBeforeTheDropIsDone_RerunEndsAsACleanRun()
    {
        var clean = await RoutedOriginalAsync();
        await clean.WithDrop(TestDrops.Withdrawal(Withdrawal)).RunAsync(Withdrawal);
        var harness = await RoutedOriginalAsync();
        harness.WithDrop(TestDrops.Withdrawal(Withdrawal));
        harness.Ledger.CrashBefore = t => t.RecordId == Withdrawal.DropId && t.Step == "validated";

        await Assert.ThrowsAsync<IOException>(() => harness.RunAsync(Withdrawal));
        Assert.Equal(LedgerState.Withdrawn, harness.Ledger.Records[DocumentId(1)].State);
        await harness.RunAsync(Withdrawal);

        // The rerun finds the document withdrawn by this very drop: it tells the Center again (same MessageId) and finishes.
        Assert.Single(harness.Ledger.Records[DocumentId(1)].History, h => h.Step == "withdrawn");
        Assert.Equal(["withdrawal-" + DocumentId(1)], harness.Published.Where(m => m.Properties.Subject == WithdrawalMessage.Kind).Select(m => m.Properties.MessageId).Distinct());
        AssertSameEnd(clean, harness);
    }

    [Fact]
    public async Task RunAsync_WithdrawalMessage_NamesTheDocumentAndReasonInItsVersionedBody()
    {
        var harness = await RoutedOriginalAsync();

        await harness.WithDrop(TestDrops.Withdrawal(Withdrawal, reason: "Duplicate of invoice sent on 2026-11-20")).RunAsync(Withdrawal);

        var body = JsonDocument.Parse(harness.Published.Single(m => m.Properties.Subject == WithdrawalMessage.Kind).Body).RootElement;
        Assert.Equal(
            ["schema", "schemaVersion", "documentId", "dropId", "sourceDocumentId", "withdrawalDropId", "port", "filer", "entries", "center", "reason", "comment", "correlationId", "withdrawnAt"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Duplicate of invoice sent on 2026-11-20", body.GetProperty("reason").GetString());
        Assert.Equal(TestDrops.Entry, body.GetProperty("entries")[0].GetString());
    }

    [Fact]
    public async Task RunAsync_WithdrawalOfASoleProprietorsDocumentWithoutEntry_GoesInTheSessionOfItsSsnLookupKey()
    {
        var harness = new WorkflowHarness()
            .WithDrop(TestDrops.Package(Original, importers: [TestDrops.SoleProprietor], entries: []))
            .WithAccount(TestDrops.SoleProprietor, AccountStatus.Assigned, "CEE008");
        await harness.RunAsync(Original);
        var routed = harness.Published.Single(m => m.Properties.MessageId == DocumentId(1));

        await harness.WithDrop(TestDrops.Withdrawal(Withdrawal, entries: []) with { Importers = [TestDrops.SoleProprietor] }).RunAsync(Withdrawal);

        var message = Assert.Single(harness.Published, m => m.Properties.Subject == WithdrawalMessage.Kind);
        Assert.Equal(("cee008", TestDrops.SoleProprietor.LookupKey), (message.Topic, message.Properties.SessionId));
        Assert.Equal(routed.Properties.SessionId, message.Properties.SessionId);
        Assert.DoesNotContain("078-05-1120", message.Body, StringComparison.Ordinal);
    }

    /// <summary>The original drop (DOC-1 invoice, DOC-2 packing list of entry 002-6110316-2) routed to CEE007 by account.</summary>
    private static async Task<WorkflowHarness> RoutedOriginalAsync()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Original)).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");
        await harness.RunAsync(Original);
        Assert.All(harness.Ledger.Records.Values, r => Assert.Equal(LedgerState.Routed, r.State));
        return harness;
    }

    private static string DocumentId(int ordinal) => DropIds.DocumentId(Original.DropId, ordinal);

    private static XDocument ValidationOf(WorkflowHarness harness, DropReference drop) => XDocument.Parse(ValidationXml(harness, drop));

    /// <summary><see cref="ValidationOf"/>, checked against CBP's schema (in <see cref="SchemaFactAttribute"/> tests only).</summary>
    private static XDocument SchemaValidationOf(WorkflowHarness harness, DropReference drop)
    {
        var xml = ValidationXml(harness, drop);
        Assert.Empty(DisSchema.Validate(Encoding.UTF8.GetBytes(xml)));
        return XDocument.Parse(xml);
    }

    private static string ValidationXml(WorkflowHarness harness, DropReference drop) =>
        harness.Responses.Last(r => r.DropId == drop.DropId && r.Kind == PortResponse.ValidationKind).Xml;

    private static string Status(XDocument answer) =>
        answer.Descendants(Dis + "MessageProcessingResult").Single().Element(Dis + "ProcessingStatus")!.Value;

    // Times differ (the rerun reads the clock again); states, steps, Centers and the messages' ids do not.
    private static void AssertSameEnd(WorkflowHarness clean, WorkflowHarness rerun)
    {
        static IEnumerable<string> Shape(WorkflowHarness h) => h.Ledger.Records.Values.OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => $"{r.Id} {r.State} {r.Center} {r.Topic} {string.Join(",", r.History.Select(x => x.Step))}");
        Assert.Equal(Shape(clean), Shape(rerun));
        Assert.Equal(clean.Published.Select(m => m.Properties.MessageId).Distinct().Order(), rerun.Published.Select(m => m.Properties.MessageId).Distinct().Order());
        Assert.Equal(Status(ValidationOf(clean, Withdrawal)), Status(ValidationOf(rerun, Withdrawal)));
    }
}
