using Cee.Functions.Orchestration;
using Cee.Routing.Drops;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace Cee.Functions.Tests.Support;

/// <summary>A mocked DurableTaskClient (its members are abstract or virtual) that records what was scheduled.</summary>
internal sealed class Durable
{
    public Mock<DurableTaskClient> Client { get; } = new("test") { CallBase = false };

    public List<(TaskName Name, object? Input, StartOrchestrationOptions? Options)> Scheduled { get; } = [];

    public Durable()
    {
        Client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<TaskName, object?, StartOrchestrationOptions?, CancellationToken>((name, input, options, _) => Scheduled.Add((name, input, options)))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options?.InstanceId ?? "generated");
        WithInstance(null);
    }

    public Durable WithInstance(OrchestrationRuntimeStatus? status) => WithInstances(status);

    /// <summary>GetInstanceAsync answers these, one per call, the last one from then on.</summary>
    public Durable WithInstances(params OrchestrationRuntimeStatus?[] statuses)
    {
        var answers = new Queue<OrchestrationRuntimeStatus?>(statuses);
        Client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) =>
            {
                var status = answers.Count > 1 ? answers.Dequeue() : answers.Peek();
                return status is { } s ? new OrchestrationMetadata(RouteDropOrchestrator.Name, id) { RuntimeStatus = s } : null;
            });
        return this;
    }

    public RouteDropInput ScheduledInput(int index = 0) => Assert.IsType<RouteDropInput>(Scheduled[index].Input);

    public static DropReference Drop(string source = "port-drops/2704/entry-0026110316.xml") => DropReference.For(source, "1B2M2Y8AsgTpgAmY7PhCfg==");
}
