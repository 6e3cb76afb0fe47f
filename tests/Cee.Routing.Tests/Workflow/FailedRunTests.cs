using System.Text.Json;
using Cee.Routing.Accounts;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Messages;
using Cee.Routing.Tests.Support;
using Cee.Routing.Workflow;
using Moq;
using TestDrops = Cee.Routing.Tests.Support.Drops;

namespace Cee.Routing.Tests.Workflow;

/// <summary>A run whose port gives up, its re-drive, and a publication that happens once at any age (ADR 15).</summary>
public class FailedRunTests
{
    private static readonly DropReference Drop = TestDrops.Reference();
    private static readonly RunFailure AccountsDown = new("FindImporterAccount", 6, "HttpRequestException: Connection refused (cosmos:8081)");

    [Fact]
    public async Task RecordFailureAsync_AccountLookupGaveUp_RecordsFailedOnEveryDocumentAndTellsTriage()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop));
        harness.Accounts.Setup(a => a.FindAsync(It.IsAny<ImporterRef>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("Connection refused (cosmos:8081)"));
        var workflow = harness.Build();

        await Assert.ThrowsAsync<HttpRequestException>(() => workflow.RunAsync(Drop));
        var outcome = await workflow.RecordFailureAsync(AccountsDown);

        Assert.Equal(2, outcome.Documents.Count);
        Assert.All(harness.Ledger.Records.Values, r =>
        {
            Assert.Equal(LedgerState.Failed, r.State);
            Assert.Equal(["received", "validated", "failed-1"], r.History.Select(h => h.Step));
            Assert.Equal("FindImporterAccount gave up after 6 attempt(s): HttpRequestException: Connection refused (cosmos:8081)", r.History[^1].Reason);
        });
        var triage = Assert.Single(harness.Published);
        Assert.Equal((Topics.Triage, $"failed-{Drop.DropId}-1", "run-failed"), (triage.Topic, triage.Properties.MessageId, triage.Properties.Subject));
        var body = JsonSerializer.Deserialize<RunFailedMessage>(triage.Body, ContractJson.Options)!;
        Assert.Equal(harness.Ledger.Records.Keys.Order(), body.RecordIds.Order());
        Assert.Equal(("FindImporterAccount", 6, 1), (body.Step, body.Attempts, body.Round));
    }

    [Fact]
    public async Task RecordFailureAsync_DropCouldNotBeOpened_TellsTriageAndRecordsNothing()
    {
        var harness = new WorkflowHarness();
        harness.Drops.Setup(d => d.OpenAsync(Drop, It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("blob service unreachable"));
        var workflow = harness.Build();

        await Assert.ThrowsAsync<IOException>(() => workflow.RunAsync(Drop));
        var outcome = await workflow.RecordFailureAsync(new RunFailure("OpenAndStoreDrop", 6, "IOException: blob service unreachable"));

        Assert.Empty(outcome.Documents);
        Assert.Empty(harness.Ledger.Records);
        var body = JsonSerializer.Deserialize<RunFailedMessage>(Assert.Single(harness.Published).Body, ContractJson.Options)!;
        Assert.Empty(body.RecordIds);
        Assert.Equal(Drop.Source, body.Source);
    }

    [Fact]
    public async Task RunAsync_RepeatOfAFailedDrop_PublishesNothingAndKeepsItFailed()
    {
        var harness = await FailedAtAccountsAsync();
        var before = harness.Published.Count;

        var outcome = await harness.Build().RunAsync(Drop);

        Assert.Equal(before, harness.Published.Count);
        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.Failed, d.State));
    }

    [Fact]
    public async Task RunAsync_RedriveAfterRecovery_ResumesTheFailedRecordsAndRoutesOnce()
    {
        var harness = await FailedAtAccountsAsync();
        harness.WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");

        var outcome = await harness.Build().RunAsync(Drop, redrive: 1);

        Assert.All(outcome.Documents, d => Assert.Equal((LedgerState.Routed, "CEE007"), (d.State, d.Center)));
        Assert.All(harness.Ledger.Records.Values, r =>
            Assert.Equal(["received", "validated", "failed-1", "resumed-1", "publish-intent", "routed"], r.History.Select(h => h.Step)));
        Assert.Equal(harness.Ledger.Records.Keys.Order(), harness.PublishedOn("cee007").Select(m => m.Properties.MessageId).Order());
        Assert.Equal(1, RoutingWorkflow.FailedRounds(harness.Ledger.Records.Values));
    }

    [Fact]
    public async Task RunAsync_RedriveAfterTheDuplicateWindowOfAPublishIntent_PublishesNothingTwice()
    {
        // The first run published, then the ledger went down before "routed" was recorded.
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop)).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");
        harness.Ledger.FailWhen = t => t.Step == "routed";
        await Assert.ThrowsAsync<IOException>(() => harness.Build().RunAsync(Drop));
        var sent = harness.PublishedOn("cee007").Count;
        Assert.Equal(2, sent);
        harness.Ledger.FailWhen = null;

        harness.Clock.Advance(TimeSpan.FromDays(2));
        var outcome = await harness.Build().RunAsync(Drop, redrive: 1);

        Assert.Equal(sent, harness.PublishedOn("cee007").Count);
        Assert.All(outcome.Documents, d => Assert.Equal(LedgerState.Routed, d.State));
        Assert.All(harness.Ledger.Records.Values, r => Assert.Contains("by an earlier run", r.History[^1].Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_RedriveWithinTheDuplicateWindow_ResendsUnderTheSameMessageIds()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop)).WithAccount(TestDrops.Electronics, AccountStatus.Assigned, "CEE007");
        harness.Ledger.FailWhen = t => t.Step == "routed";
        await Assert.ThrowsAsync<IOException>(() => harness.Build().RunAsync(Drop));
        var first = harness.PublishedOn("cee007").Select(m => m.Properties.MessageId).Order().ToList();
        harness.Ledger.FailWhen = null;

        harness.Clock.Advance(TimeSpan.FromHours(3));
        await harness.Build().RunAsync(Drop, redrive: 1);

        // The broker's duplicate detection drops the second copy: same ids, within its day.
        Assert.Equal(first.Concat(first).Order(), harness.PublishedOn("cee007").Select(m => m.Properties.MessageId).Order());
        Assert.All(harness.Ledger.Records.Values, r => Assert.Equal(LedgerState.Routed, r.State));
    }

    private static async Task<WorkflowHarness> FailedAtAccountsAsync()
    {
        var harness = new WorkflowHarness().WithDrop(TestDrops.Package(Drop));
        harness.Accounts.Setup(a => a.FindAsync(It.IsAny<ImporterRef>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("Connection refused (cosmos:8081)"));
        var workflow = harness.Build();
        await Assert.ThrowsAsync<HttpRequestException>(() => workflow.RunAsync(Drop));
        await workflow.RecordFailureAsync(AccountsDown);
        return harness;
    }
}
