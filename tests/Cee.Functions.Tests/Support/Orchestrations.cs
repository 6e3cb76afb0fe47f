using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Cee.Functions.Tests.Support;

/// <summary>A mocked TaskOrchestrationContext: every member the adapter uses is abstract or virtual.</summary>
internal static class Orchestrations
{
    public static readonly DateTime Now = new(2026, 11, 22, 14, 0, 0, DateTimeKind.Utc);

    public static Mock<TaskOrchestrationContext> Context(string instanceId = "d0123456789abcdef0123456789abcdef")
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Loose);
        context.SetupGet(c => c.InstanceId).Returns(instanceId);
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.SetupGet(c => c.IsReplaying).Returns(false);
        context.Setup(c => c.CreateReplaySafeLogger<Cee.Functions.Orchestration.RouteDropOrchestrator>()).Returns(NullLogger.Instance);
        return context;
    }

    /// <summary>Records every activity call and answers with <paramref name="answer"/>.</summary>
    public static List<(string Name, object? Input, TaskOptions? Options)> RecordActivities<T>(
        this Mock<TaskOrchestrationContext> context, Func<string, object?, T> answer, List<(string Name, object? Input, TaskOptions? Options)>? calls = null)
    {
        calls ??= [];
        var recorded = calls;
        context.Setup(c => c.CallActivityAsync<T>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName name, object? input, TaskOptions? options) =>
            {
                lock (recorded)
                {
                    recorded.Add((name.Name, input, options));
                }

                return Task.FromResult(answer(name.Name, input));
            });
        return recorded;
    }
}
