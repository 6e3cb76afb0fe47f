using System.Text.Json;
using Cee.Routing.Accounts;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Policy;
using Cee.Routing.Ports;
using Cee.Routing.Review;
using Cee.Routing.Tests.Support;
using Cee.Routing.Workflow;
using Moq;
using TestDrops = Cee.Routing.Tests.Support.Drops;

namespace Cee.Routing.Tests.Workflow;

public class RoutingWorkflowTests
{
    private static readonly DropReference Drop = TestDrops.Reference();

    private const string ReviewerObjectId = "6d9f1c2e-4b7a-4e1f-9c3d-2a8b5e7f0c14";

    [Fact]
    public async Task RunAsync_RejectedDrop_RecordsQuarantinesAndPublishesNothing()
    {
        var finding = new Finding("entry.check-digit", FindingSeverity.Error, "entry 002-6110316-3: check digit is 3; the number computes 2", "/MessageEnvelope/MessageBody/DocumentSubmissionPackage/TradeTransaction/EntrySummary/EntryNumber");
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop, IntakeVerdict.Reject, findings: [finding]));

        var outcome = await harness.RunAsync(Drop);

        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.Rejected, d.State));
        Assert.Empty(harness.Published);
        var reasons = Assert.Single(harness.Quarantined);
        Assert.Equal("entry.check-digit", Assert.Single(reasons).Code);
        Assert.All(harness.Ledger.Records.Values, r =>
        {
            Assert.Equal(["received", "rejected"], r.History.Select(h => h.Step));
            Assert.Contains("check digit", r.History[^1].Reason, StringComparison.Ordinal);
        });
        harness.Accounts.Verify(a => a.FindAsync(It.IsAny<ImporterRef>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_RejectedDrop_QuarantinesBeforeRecordingRejected()
    {
        var finding = new Finding("entry.check-digit", FindingSeverity.Error, "entry 002-6110316-3: check digit is 3; the number computes 2");
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop, IntakeVerdict.Reject, findings: [finding]));
        var statesWhenQuarantined = new List<LedgerState>();
        harness.Drops.Setup(d => d.QuarantineAsync(It.IsAny<DropReference>(), It.IsAny<IReadOnlyList<Finding>>(), It.IsAny<CancellationToken>()))
            .Callback(() => statesWhenQuarantined.AddRange(harness.Ledger.Records.Values.Select(r => r.State)))
            .Returns(Task.CompletedTask);

        var outcome = await harness.RunAsync(Drop);

        // A Rejected record proves its drop and reasons are kept: the quarantine is in place first.
        Assert.NotEmpty(statesWhenQuarantined);
        Assert.All(statesWhenQuarantined, s => Assert.Equal(LedgerState.Received, s));
        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.Rejected, d.State));
    }

    [Fact]
    public async Task RunAsync_QuarantineFails_LeavesTheDropReceivedForTheNextRun()
    {
        var finding = new Finding("entry.check-digit", FindingSeverity.Error, "entry 002-6110316-3: check digit is 3; the number computes 2");
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop, IntakeVerdict.Reject, findings: [finding]));
        harness.Drops.Setup(d => d.QuarantineAsync(It.IsAny<DropReference>(), It.IsAny<IReadOnlyList<Finding>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("No space left on device"));

        await Assert.ThrowsAsync<IOException>(() => harness.RunAsync(Drop));

        Assert.All(harness.Ledger.Records.Values, r => Assert.Equal(LedgerState.Received, r.State));
    }

    [Fact]
    public async Task RunAsync_AcceptedDropWithoutDocuments_IsRejectedNotLost()
    {
        var intake = TestDrops.Package(Drop, kinds: []);
        var harness = new WorkflowHarness().WithDrop(intake);

        var outcome = await harness.RunAsync(Drop);

        var record = Assert.Single(outcome.Documents);
        Assert.Equal(Drop.DropId, record.RecordId);
        Assert.Null(record.DocumentId);
        Assert.Equal(LedgerState.Rejected, record.State);
        Assert.Equal("drop.no-documents", Assert.Single(Assert.Single(harness.Quarantined)).Code);
    }

    [Fact]
    public async Task RunAsync_ImporterAssignedToCenter_RoutesByAccountOverHtsus()
    {
        // The lines say Electronics, but the importer is a Base Metals account: the account wins.
        var harness = new WorkflowHarness()
            .WithDrop(TestDrops.Package(Drop))
            .WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE005", "C-TPAT");

        var outcome = await harness.RunAsync(Drop);

        Assert.All(outcome.Documents, d =>
        {
            Assert.Equal(LedgerState.Routed, d.State);
            Assert.Equal("CEE005", d.Center);
            Assert.Equal("cee005", d.Topic);
        });
        var messages = harness.PublishedOn("cee005");
        Assert.Equal(2, messages.Count);
        var body = ContractJson.Deserialize<RoutedDocumentMessage>(messages[0].Body);
        Assert.Equal(RoutingBasis.ImporterAccount, body.Decision.Basis);
        Assert.Equal("importer-account", body.Decision.Provenance);
        Assert.Contains("trusted-trader:C-TPAT", body.Decision.Flags);
        Assert.Contains("assigned to CEE005 Base Metals", body.Decision.Reasons[^1], StringComparison.Ordinal);
        Assert.All(harness.Ledger.Records.Values, r => Assert.Equal(["received", "validated", "publish-intent", "routed"], r.History.Select(h => h.Step)));
    }

    [Fact]
    public async Task RunAsync_RoutedDocument_HasServiceBusPropertiesForFilters()
    {
        var intake = TestDrops.Package(Drop);
        var harness = new WorkflowHarness().WithDrop(intake).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");

        await harness.RunAsync(Drop);

        var message = harness.Published.Single(m => m.Properties.MessageId == intake.Documents[0].Id);
        Assert.Equal("cee007", message.Topic);
        Assert.Equal("002-6110316-2", message.Properties.SessionId);
        Assert.Equal(Drop.DropId, message.Properties.CorrelationId);
        Assert.Equal("entry-summary", message.Properties.Subject);
        Assert.Equal("application/json", message.Properties.ContentType);
        Assert.Equal("entry-summary", message.Properties.ApplicationProperties["kind"]);
        Assert.Equal("2704", message.Properties.ApplicationProperties["port"]);
        Assert.Equal("CEE007", message.Properties.ApplicationProperties["center"]);

        using var body = JsonDocument.Parse(message.Body);
        var root = body.RootElement;
        Assert.Equal("cee.routed-document", root.GetProperty("schema").GetString());
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(intake.Documents[0].Id, root.GetProperty("documentId").GetString());
        Assert.Equal(intake.Documents[0].Sha256, root.GetProperty("contentSha256").GetString());
        Assert.Equal(intake.Documents[0].Location, root.GetProperty("documentLocation").GetString());
        Assert.Equal("Commercial Invoice", root.GetProperty("label").GetString());
        Assert.Equal("entry-summary", root.GetProperty("kind").GetString());
        Assert.Equal("002", root.GetProperty("filer").GetString());
        Assert.Equal("12-345678900", root.GetProperty("importer").GetString());
        Assert.Equal("CEE007", root.GetProperty("center").GetString());
        Assert.Equal("Electronics", root.GetProperty("centerName").GetString());
        Assert.Equal("importer-account", root.GetProperty("decision").GetProperty("basis").GetString());
    }

    [Fact]
    public async Task RunAsync_UnknownAccount_RoutesByHtsusPredominanceWithRules()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop));

        var outcome = await harness.RunAsync(Drop);

        Assert.All(outcome.Documents, d => Assert.Equal("CEE007", d.Center));
        var decision = harness.Ledger.Records.Values.First().Decision!;
        Assert.Equal(RoutingBasis.HtsPredominance, decision.Basis);
        Assert.Equal("inferred", decision.Provenance);
        Assert.Equal("8470-8473", Assert.Single(decision.Rules).Hts);
        Assert.Contains(RoutingFlags.AccountUnknown, decision.Flags);
        Assert.Contains("2 of 3 classified HTSUS line(s) belong to CEE007 Electronics", decision.Reasons[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccountStatus.NotEligible, RoutingFlags.AccountNotEligible, "NOTELG")]
    [InlineData(AccountStatus.Pending, RoutingFlags.AccountPending, "PNDING")]
    public async Task RunAsync_AccountNotAssigned_RoutesByHtsusAndFlags(AccountStatus status, string flag, string wording)
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop)).WithAccount(TestDrops.Electronics, status);

        var outcome = await harness.RunAsync(Drop);

        Assert.All(outcome.Documents, d => Assert.Equal("CEE007", d.Center));
        var decision = harness.Ledger.Records.Values.First().Decision!;
        Assert.Contains(flag, decision.Flags);
        Assert.Contains(wording, decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TieThenReviewerDecides_RoutesToTheChosenCenter()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop, lines: TestDrops.TiedLines));
        harness.Review.Setup(r => r.WaitForDecisionAsync(Drop.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.Decided(new ReviewDecision(
                Drop.DropId, "CEE001", "j.alvarez@cbp.dhs.gov", "medicaments are the bulk by value", WorkflowHarness.Start, ReviewerObjectId)));

        var outcome = await harness.RunAsync(Drop);

        var request = Assert.Single(harness.PublishedOn("cee-triage"));
        Assert.Equal($"review-{Drop.DropId}", request.Properties.MessageId);
        var body = ContractJson.Deserialize<ReviewRequestMessage>(request.Body);
        Assert.Equal(["CEE001", "CEE007"], body.Tally.Select(t => t.Center));
        Assert.Contains("tie between CEE001", body.Reasons[^1], StringComparison.Ordinal);
        Assert.Equal(body.RequestedAt + TimeSpan.FromDays(2), body.Deadline);

        Assert.All(outcome.Documents, d => Assert.Equal(("CEE001", LedgerState.Routed), (d.Center, d.State)));
        var decision = harness.Ledger.Records.Values.First().Decision!;
        Assert.Equal(RoutingBasis.Reviewer, decision.Basis);
        Assert.Equal(("j.alvarez@cbp.dhs.gov", ReviewerObjectId), (decision.Reviewer, decision.ReviewerId));
        // The Center's message carries the same decision, so the Center sees who decided too.
        Assert.All(harness.PublishedOn("cee001"), m =>
            Assert.Equal(ReviewerObjectId, ContractJson.Deserialize<RoutedDocumentMessage>(m.Body).Decision.ReviewerId));
        Assert.Contains("medicaments are the bulk by value", decision.Reasons[^1], StringComparison.Ordinal);
        Assert.All(harness.Ledger.Records.Values, r =>
            Assert.Equal(["received", "validated", "awaiting-review", "publish-intent", "routed"], r.History.Select(h => h.Step)));
    }

    [Fact]
    public async Task RunAsync_ReviewDeadlineWithDefaultFallback_EscalatesAndStaysAwaitingReview()
    {
        var harness = new WorkflowHarness { Options = new RoutingWorkflowOptions { ReviewTimeout = TimeSpan.FromHours(8), MaxEscalations = 2 } }
            .WithDrop(TestDrops.Package(Drop, lines: TestDrops.TiedLines));
        var deadlines = new List<DateTimeOffset?>();
        harness.Review.SetupSequence(r => r.WaitForDecisionAsync(Drop.DropId, Capture.In(deadlines), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.DeadlinePassed)
            .ReturnsAsync(ReviewWaitResult.DeadlinePassed)
            .ReturnsAsync(ReviewWaitResult.NoReviewer);

        var outcome = await harness.RunAsync(Drop);

        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.AwaitingReview, d.State));
        Assert.DoesNotContain(harness.Published, m => m.Topic != "cee-triage");
        Assert.Equal(
            [$"review-{Drop.DropId}", $"review-{Drop.DropId}-escalation-1", $"review-{Drop.DropId}-escalation-2"],
            harness.Published.Select(m => m.Properties.MessageId));
        // Each deadline is the review timeout after the clock read that set it; after the last escalation, none.
        Assert.Equal(3, deadlines.Count);
        Assert.NotNull(deadlines[0]);
        Assert.NotNull(deadlines[1]);
        Assert.True(deadlines[1] > deadlines[0]);
        Assert.Null(deadlines[2]);
        var last = ContractJson.Deserialize<ReviewEscalationMessage>(harness.Published[^1].Body);
        Assert.Equal(2, last.Round);
        Assert.Null(last.NextDeadline);
        Assert.All(harness.Ledger.Records.Values, r =>
        {
            Assert.Equal(LedgerState.AwaitingReview, r.State);
            Assert.Equal(["received", "validated", "awaiting-review", "escalated-1", "escalated-2"], r.History.Select(h => h.Step));
            Assert.Contains(RoutingFlags.Escalated, r.Decision!.Flags);
        });
    }

    [Fact]
    public async Task RunAsync_DeadlinesFollowTheClock_EachIsTimeoutAfterItsRead()
    {
        var timeout = TimeSpan.FromHours(8);
        var harness = new WorkflowHarness { Options = new RoutingWorkflowOptions { ReviewTimeout = timeout, MaxEscalations = 3 } }
            .WithDrop(TestDrops.Package(Drop, lines: TestDrops.TiedLines));
        var deadlines = new List<DateTimeOffset?>();
        harness.Review.SetupSequence(r => r.WaitForDecisionAsync(Drop.DropId, Capture.In(deadlines), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.DeadlinePassed)
            .ReturnsAsync(ReviewWaitResult.Decided(new ReviewDecision(Drop.DropId, "CEE007", "m.chen", null, WorkflowHarness.Start)));

        await harness.RunAsync(Drop);

        var requestBody = ContractJson.Deserialize<ReviewRequestMessage>(harness.PublishedOn("cee-triage")[0].Body);
        var escalation = ContractJson.Deserialize<ReviewEscalationMessage>(harness.PublishedOn("cee-triage")[1].Body);
        Assert.Equal(requestBody.RequestedAt + timeout, deadlines[0]);
        Assert.Equal(escalation.EscalatedAt + timeout, deadlines[1]);
        Assert.Equal(escalation.NextDeadline, deadlines[1]);
        Assert.Contains(harness.Clock.Reads, t => t == requestBody.RequestedAt);
        Assert.Contains(harness.Clock.Reads, t => t == escalation.EscalatedAt);
    }

    [Fact]
    public async Task RunAsync_ReviewDeadlineWithBestGuessFallback_RoutesFlagged()
    {
        // Two importers conflict, so a person must decide; the lines still have a clear winner.
        var harness = new WorkflowHarness { Options = new RoutingWorkflowOptions { ReviewFallback = ReviewFallback.BestHtsGuess } }
            .WithDrop(TestDrops.Package(Drop, importers: [TestDrops.Electronics, TestDrops.Steel]));
        harness.Review.Setup(r => r.WaitForDecisionAsync(Drop.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.DeadlinePassed);

        var outcome = await harness.RunAsync(Drop);

        Assert.All(outcome.Documents, d => Assert.Equal(("CEE007", LedgerState.Routed), (d.Center, d.State)));
        var decision = harness.Ledger.Records.Values.First().Decision!;
        Assert.Equal(RoutingBasis.BestHtsGuess, decision.Basis);
        Assert.Contains(RoutingFlags.BestGuess, decision.Flags);
        Assert.Contains(RoutingFlags.ConflictingImporters, decision.Flags);
        Assert.Equal(["received", "validated", "awaiting-review", "publish-intent", "routed"], harness.Ledger.Records.Values.First().History.Select(h => h.Step));
    }

    [Fact]
    public async Task RunAsync_BestGuessFallbackOnATie_HasNoGuessAndEscalates()
    {
        var harness = new WorkflowHarness { Options = new RoutingWorkflowOptions { ReviewFallback = ReviewFallback.BestHtsGuess, MaxEscalations = 1 } }
            .WithDrop(TestDrops.Package(Drop, lines: TestDrops.TiedLines));
        harness.Review.SetupSequence(r => r.WaitForDecisionAsync(Drop.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.DeadlinePassed)
            .ReturnsAsync(ReviewWaitResult.NoReviewer);

        var outcome = await harness.RunAsync(Drop);

        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.AwaitingReview, d.State));
        Assert.Equal(2, harness.PublishedOn("cee-triage").Count);
    }

    [Fact]
    public async Task RunAsync_InvalidReviewDecision_IsIgnoredUntilAValidOne()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop, lines: TestDrops.TiedLines));
        harness.Review.SetupSequence(r => r.WaitForDecisionAsync(Drop.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.Decided(new ReviewDecision(Drop.DropId, "NOTELG", "m.chen", null, WorkflowHarness.Start)))
            .ReturnsAsync(ReviewWaitResult.Decided(new ReviewDecision(Drop.DropId, "CEE007", " ", null, WorkflowHarness.Start)))
            .ReturnsAsync(ReviewWaitResult.Decided(new ReviewDecision(Drop.DropId, "cee007", "m.chen", null, WorkflowHarness.Start)));

        var outcome = await harness.RunAsync(Drop);

        Assert.All(outcome.Documents, d => Assert.Equal(("CEE007", LedgerState.Routed), (d.Center, d.State)));
    }

    [Fact]
    public async Task RunAsync_Cf28ResponseWithKnownIssuer_GoesToTheIssuingCenter()
    {
        var intake = TestDrops.Package(Drop, kinds: [DocumentKind.Cf28Response], cbpRequestId: "R2704-2026-004127");
        var harness = new WorkflowHarness()
            .WithDrop(intake)
            .WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007")
            .WithRequest("R2704-2026-004127", "CEE010");

        var outcome = await harness.RunAsync(Drop);

        var document = Assert.Single(outcome.Documents);
        Assert.Equal("CEE010", document.Center);
        var message = Assert.Single(harness.Published);
        Assert.Equal("cf28-response", message.Properties.Subject);
        var decision = ContractJson.Deserialize<RoutedDocumentMessage>(message.Body).Decision;
        Assert.Equal(RoutingBasis.RequestIssuer, decision.Basis);
        Assert.Equal("answers CBP request R2704-2026-004127, issued by CEE010 Machinery", Assert.Single(decision.Reasons));
    }

    [Fact]
    public async Task RunAsync_Cf28ResponseWithUnknownIssuer_FallsBackToTheAccount()
    {
        var intake = TestDrops.Package(Drop, kinds: [DocumentKind.Cf28Response], cbpRequestId: "R2704-2026-004128");
        var harness = new WorkflowHarness()
            .WithDrop(intake)
            .WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007")
            .WithRequest("R2704-2026-004128", null);

        var outcome = await harness.RunAsync(Drop);

        Assert.Equal("CEE007", Assert.Single(outcome.Documents).Center);
        var decision = harness.Ledger.Records.Values.Single().Decision!;
        Assert.Equal(RoutingBasis.ImporterAccount, decision.Basis);
        Assert.Contains(RoutingFlags.RequestIssuerUnknown, decision.Flags);
    }

    [Fact]
    public async Task RunAsync_EntrySummaryWithRequestId_DoesNotLookUpTheIssuer()
    {
        var intake = TestDrops.Package(Drop, cbpRequestId: "R2704-2026-004127");
        var harness = new WorkflowHarness().WithDrop(intake).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");

        await harness.RunAsync(Drop);

        harness.Requests.Verify(r => r.FindIssuingCenterAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_ProtestOverSeveralEntriesOfOneImporter_RoutesOnceToItsCenter()
    {
        var intake = TestDrops.Package(Drop, kinds: [DocumentKind.Protest], entries: [TestDrops.Entry, TestDrops.SecondEntry]);
        var harness = new WorkflowHarness().WithDrop(intake).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");

        var outcome = await harness.RunAsync(Drop);

        Assert.Equal("CEE007", Assert.Single(outcome.Documents).Center);
        var body = ContractJson.Deserialize<RoutedDocumentMessage>(Assert.Single(harness.Published).Body);
        Assert.Equal([TestDrops.Entry, TestDrops.SecondEntry], body.Entries);
        Assert.Equal(DocumentKind.Protest, body.Kind);
    }

    [Fact]
    public async Task RunAsync_ConflictingImporters_GoToReview()
    {
        var harness = new WorkflowHarness()
            .WithDrop(TestDrops.Package(Drop, importers: [TestDrops.Electronics, TestDrops.Steel]))
            .WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007")
            .WithAccount(TestDrops.Steel, AccountStatus.Assigned, "CEE005");
        harness.Review.Setup(r => r.WaitForDecisionAsync(Drop.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.NoReviewer);

        var outcome = await harness.RunAsync(Drop);

        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.AwaitingReview, d.State));
        var request = ContractJson.Deserialize<ReviewRequestMessage>(Assert.Single(harness.Published).Body);
        Assert.Contains(RoutingFlags.ConflictingImporters, request.Flags);
        Assert.Equal(["12-345678900", "98-765432100"], request.Importers);
        Assert.Contains("2 importers of record", request.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoAccountAndNoLines_GoesToReview()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop, importers: [], lines: []));
        harness.Review.Setup(r => r.WaitForDecisionAsync(Drop.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.NoReviewer);

        var outcome = await harness.RunAsync(Drop);

        Assert.All(outcome.Documents, d => Assert.Equal(("cee-triage", LedgerState.AwaitingReview), (d.Topic, d.State)));
        Assert.Contains("no HTSUS lines", outcome.Documents[0].Reasons[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SameContentAlreadyRoutedFromAnotherDrop_IsDuplicate()
    {
        var first = TestDrops.Reference("port-drops/2704/entry-0026110316.xml");
        var copy = TestDrops.Reference("port-drops/2709/entry-0026110316-resent.xml");
        var harness = new WorkflowHarness()
            .WithDrop(TestDrops.Package(first))
            .WithDrop(TestDrops.Package(copy))
            .WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");

        await harness.RunAsync(first);
        var outcome = await harness.RunAsync(copy);

        Assert.Equal(2, harness.Published.Count);
        Assert.All(outcome.Documents, d =>
        {
            Assert.Equal(LedgerState.Duplicate, d.State);
            Assert.Contains("port-drops/2704/entry-0026110316.xml", d.Reasons[0], StringComparison.Ordinal);
        });
        var firstDocument = DropIds.DocumentId(first.DropId, 1);
        Assert.All(outcome.Documents, d => Assert.Equal(firstDocument, harness.Ledger.Records[d.RecordId].DuplicateOf));
    }

    [Fact]
    public async Task RunAsync_IdenticalDropsAtTheSameMoment_RouteOnce()
    {
        var drops = Enumerable.Range(1, 6).Select(i => TestDrops.Reference($"port-drops/2704/entry-0026110316-copy{i}.xml")).ToList();
        var harness = new WorkflowHarness().WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");
        foreach (var drop in drops)
        {
            harness.WithDrop(TestDrops.Package(drop));
        }

        var workflow = harness.Build();
        var outcomes = await Task.WhenAll(drops.Select(d => Task.Run(() => workflow.RunAsync(d))));

        var states = outcomes.Select(o => o.Documents[0].State).ToList();
        Assert.Equal(1, states.Count(s => s == LedgerState.Routed));
        Assert.Equal(5, states.Count(s => s == LedgerState.Duplicate));
        Assert.Equal(2, harness.Published.Count);
    }

    [Fact]
    public async Task RunAsync_ContentRejectedBefore_IsRoutedWhenItComesAgainValid()
    {
        // Rejected drops never claim their content: the same bytes may come back once the cause is fixed
        // (here: the importer's account now exists and the check that failed passes).
        var first = TestDrops.Reference("port-drops/2704/entry.xml");
        var again = TestDrops.Reference("port-drops/2704/entry-resent.xml");
        var finding = new Finding("port.malformed", FindingSeverity.Error, "SubmittedToPortCode '27O4' is not 4 digits");
        var harness = new WorkflowHarness()
            .WithDrop(TestDrops.Package(first, IntakeVerdict.Reject, findings: [finding]))
            .WithDrop(TestDrops.Package(again))
            .WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");

        await harness.RunAsync(first);
        var outcome = await harness.RunAsync(again);

        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.Routed, d.State));
    }

    [Fact]
    public async Task RunAsync_SecondRunOfTheSameDrop_PublishesNothing()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop)).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");
        var workflow = harness.Build();

        var first = await workflow.RunAsync(Drop);
        var published = harness.Published.Count;
        var transitions = harness.Ledger.Offered.Count;
        var second = await workflow.RunAsync(Drop);

        Assert.All(first.Documents, d => Assert.Equal(LedgerState.Routed, d.State));
        Assert.Equal(2, published);
        Assert.Equal(published, harness.Published.Count);
        Assert.Equal(transitions, harness.Ledger.Offered.Count);
        Assert.All(second.Documents, d =>
        {
            Assert.Equal(LedgerState.Duplicate, d.State);
            Assert.Equal("CEE007", d.Center);
            Assert.StartsWith("already routed to CEE007", d.Reasons[0], StringComparison.Ordinal);
        });
        Assert.All(harness.Ledger.Records.Values, r => Assert.Equal(LedgerState.Routed, r.State));
    }

    [Fact]
    public async Task RunAsync_RerunAfterTransferSentItBackToAPerson_PublishesNothing()
    {
        // Routed, then transferred so often that it went back to triage: AwaitingReview again, yet
        // the workflow is done with it, and a repeated event for its drop must not route it anew.
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop)).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");
        var workflow = harness.Build();
        await workflow.RunAsync(Drop);
        foreach (var record in harness.Ledger.Records.Values.ToList())
        {
            var toBaseMetals = record.Decision! with { Center = "CEE005" };
            await harness.Ledger.RecordAsync(new LedgerTransition(record.Id, "transferred-1", LedgerState.Transferred, WorkflowHarness.Start.AddHours(1), "not ours", Drop.DropId, Decision: toBaseMetals), CancellationToken.None);
            await harness.Ledger.RecordAsync(new LedgerTransition(record.Id, "transfer-review", LedgerState.AwaitingReview, WorkflowHarness.Start.AddHours(2), "transferred too often", Drop.DropId), CancellationToken.None);
        }

        var published = harness.Published.Count;
        var second = await workflow.RunAsync(Drop);

        Assert.Equal(published, harness.Published.Count);
        Assert.All(second.Documents, d => Assert.Equal(LedgerState.AwaitingReview, d.State));
        Assert.All(harness.Ledger.Records.Values, r => Assert.Equal(LedgerState.AwaitingReview, r.State));
    }

    [Fact]
    public async Task RunAsync_RerunWhileAwaitingReview_DoesNotRequestReviewAgain()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop, lines: TestDrops.TiedLines));
        harness.Review.Setup(r => r.WaitForDecisionAsync(Drop.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.NoReviewer);
        var workflow = harness.Build();

        await workflow.RunAsync(Drop);
        var outcome = await workflow.RunAsync(Drop);

        Assert.Single(harness.PublishedOn("cee-triage"));
        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.AwaitingReview, d.State));
    }

    [Fact]
    public async Task RunAsync_ReviewRequestFailedToPublish_IsSentOnTheRerun()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop, lines: TestDrops.TiedLines));
        harness.Review.Setup(r => r.WaitForDecisionAsync(Drop.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.NoReviewer);
        harness.Publisher.SetupSequence(p => p.PublishAsync(It.IsAny<TopicMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("Service Bus did not answer"))
            .Returns(Task.CompletedTask);
        var workflow = harness.Build();

        await Assert.ThrowsAsync<TimeoutException>(() => workflow.RunAsync(Drop));
        Assert.All(harness.Ledger.Records.Values, r => Assert.DoesNotContain(r.History, h => h.Step == "awaiting-review"));
        var outcome = await workflow.RunAsync(Drop);

        harness.Publisher.Verify(p => p.PublishAsync(It.Is<TopicMessage>(m => m.Topic == "cee-triage"), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.AwaitingReview, d.State));
    }

    [Fact]
    public async Task RunAsync_RerunAfterACrashBeforeRouted_CompletesWithTheSameMessageIds()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop)).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");
        var failOnce = true;
        harness.Publisher.Setup(p => p.PublishAsync(It.IsAny<TopicMessage>(), It.IsAny<CancellationToken>()))
            .Callback<TopicMessage, CancellationToken>((m, _) => { lock (harness.Published) { harness.Published.Add(m); } })
            .Returns(() =>
            {
                if (failOnce)
                {
                    failOnce = false;
                    return Task.FromException(new TimeoutException("Service Bus did not answer"));
                }

                return Task.CompletedTask;
            });
        var workflow = harness.Build();

        await Assert.ThrowsAsync<TimeoutException>(() => workflow.RunAsync(Drop));
        var outcome = await workflow.RunAsync(Drop);

        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.Routed, d.State));
        // The retry publishes under the same MessageIds, so Service Bus duplicate detection drops any first delivery that did land.
        // Both documents are published in parallel, so each MessageId was attempted once per run.
        var attempts = harness.Published.GroupBy(m => m.Properties.MessageId).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, g => Assert.Equal(2, g.Count()));
        Assert.All(harness.Ledger.Records.Values, r => Assert.Equal(["received", "validated", "publish-intent", "routed"], r.History.Select(h => h.Step)));
    }

    [Fact]
    public async Task RunAsync_EveryTransition_CarriesClockTimeReasonAndCorrelationId()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop)).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");

        await harness.RunAsync(Drop);

        Assert.All(harness.Ledger.Offered, t =>
        {
            Assert.Contains(t.At, harness.Clock.Reads);
            Assert.Equal(Drop.DropId, t.CorrelationId);
            Assert.False(string.IsNullOrWhiteSpace(t.Reason));
        });
        // received, validated, the publish intent, routed: each read the clock.
        Assert.Equal(4, harness.Ledger.Offered.Select(t => t.At).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_SsnImporter_IsMaskedInEveryMessageAndRecord()
    {
        var intake = TestDrops.Package(Drop, importers: [TestDrops.SoleProprietor], entries: []);
        var harness = new WorkflowHarness().WithDrop(intake).WithAccount(TestDrops.SoleProprietor, AccountStatus.Assigned, "CEE008");

        await harness.RunAsync(Drop);

        var message = harness.Published[0];
        Assert.Equal(TestDrops.SoleProprietor.LookupKey, message.Properties.SessionId);
        Assert.Contains("***-**-1120", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", message.Body, StringComparison.Ordinal);
        Assert.All(harness.Ledger.Records.Values, r => Assert.Equal("***-**-1120", r.Subject.Importer));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var ports = new RoutingPorts(
            Mock.Of<IDropStore>(), Mock.Of<IImporterAccountDirectory>(), Mock.Of<ICbpRequestDirectory>(), Mock.Of<IHtsClassifier>(),
            Mock.Of<ITopicPublisher>(), Mock.Of<IRoutingLedger>(), Mock.Of<IReviewGateway>(), Mock.Of<IWorkflowClock>());

        var ex = Assert.Throws<ArgumentException>(() => new RoutingWorkflow(ports, new RoutingWorkflowOptions { MaxEscalations = 0 }));

        Assert.Contains("MaxEscalations", ex.Message, StringComparison.Ordinal);
    }
}
