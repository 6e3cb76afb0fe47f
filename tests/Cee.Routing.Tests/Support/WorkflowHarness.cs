using Cee.Routing.Accounts;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Drops;
using Cee.Routing.Htsus;
using Cee.Routing.Intake;
using Cee.Routing.Messages;
using Cee.Routing.Ports;
using Cee.Routing.Workflow;
using Moq;

namespace Cee.Routing.Tests.Support;

/// <summary>The workflow over mocked ports, with an in-memory ledger and the real rules table.</summary>
internal sealed class WorkflowHarness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);

    public Mock<IDropStore> Drops { get; } = new(MockBehavior.Strict);

    public Mock<IImporterAccountDirectory> Accounts { get; } = new(MockBehavior.Strict);

    public Mock<ICbpRequestDirectory> Requests { get; } = new(MockBehavior.Strict);

    public Mock<ITopicPublisher> Publisher { get; } = new(MockBehavior.Strict);

    public Mock<IReviewGateway> Review { get; } = new(MockBehavior.Strict);

    public InMemoryLedger Ledger { get; } = new();

    public SteppingClock Clock { get; } = new(Start);

    public List<TopicMessage> Published { get; } = [];

    public List<IReadOnlyList<Finding>> Quarantined { get; } = [];

    /// <summary>Every answer the workflow wrote to the port, in order.</summary>
    public List<PortResponse> Responses { get; } = [];

    /// <summary>How many answer writes still fail (a crash after the ledger step, before the answer is stored).</summary>
    public int ResponseFailures { get; set; }

    /// <summary>How many publishes still fail (a process that dies after recording, before the message is sent).</summary>
    public int PublishFailures { get; set; }

    public RoutingWorkflowOptions Options { get; set; } = new();

    public WorkflowHarness()
    {
        Publisher.Setup(p => p.PublishAsync(It.IsAny<TopicMessage>(), It.IsAny<CancellationToken>()))
            .Returns<TopicMessage, CancellationToken>((m, _) =>
            {
                lock (Published)
                {
                    if (PublishFailures > 0)
                    {
                        PublishFailures--;
                        throw new IOException("the process died before the message was sent");
                    }

                    Published.Add(m);
                }

                return Task.CompletedTask;
            });
        Drops.Setup(d => d.QuarantineAsync(It.IsAny<DropReference>(), It.IsAny<IReadOnlyList<Finding>>(), It.IsAny<CancellationToken>()))
            .Callback<DropReference, IReadOnlyList<Finding>, CancellationToken>((_, reasons, _) => Quarantined.Add(reasons))
            .Returns(Task.CompletedTask);
        Accounts.Setup(a => a.FindAsync(It.IsAny<ImporterRef>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ImporterRef i, CancellationToken _) => ImporterAccount.Unknown(i.LookupKey, i.Masked));
    }

    public WorkflowHarness WithDrop(IntakeResult intake)
    {
        Drops.Setup(d => d.OpenAsync(It.Is<DropReference>(r => r.DropId == intake.DropId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(intake);
        return this;
    }

    public WorkflowHarness WithAccount(ImporterRef importer, AccountStatus status, string? center = null, params string[] trustedTrader)
    {
        Accounts.Setup(a => a.FindAsync(It.Is<ImporterRef>(i => i.LookupKey == importer.LookupKey), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ImporterAccount(importer.LookupKey, importer.Masked, status, center, trustedTrader));
        return this;
    }

    public WorkflowHarness WithRequest(string requestId, string? center)
    {
        Requests.Setup(r => r.FindIssuingCenterAsync(requestId, It.IsAny<CancellationToken>())).ReturnsAsync(center);
        return this;
    }

    public RoutingWorkflow Build() => new(
        new RoutingPorts(Drops.Object, Accounts.Object, Requests.Object, new RuleTableClassifier(HtsRuleTable.Embedded),
            Publisher.Object, Ledger, Review.Object, Clock, new RecordingResponder(this)),
        Options);

    public Task<RoutingOutcome> RunAsync(DropReference drop) => Build().RunAsync(drop);

    public List<TopicMessage> PublishedOn(string topic) => [.. Published.Where(m => m.Topic == topic)];

    private sealed class RecordingResponder(WorkflowHarness harness) : IPortResponder
    {
        public Task WriteAsync(PortResponse response, CancellationToken cancellationToken)
        {
            lock (harness.Responses)
            {
                if (harness.ResponseFailures > 0)
                {
                    harness.ResponseFailures--;
                    throw new IOException("simulated crash before the answer was stored");
                }

                harness.Responses.Add(response);
            }

            return Task.CompletedTask;
        }
    }
}
