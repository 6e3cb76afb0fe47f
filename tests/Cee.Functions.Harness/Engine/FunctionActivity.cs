using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Cee.Functions.Harness.Engine;

/// <summary>
/// An activity function of the app (<c>[Function(name)]</c> with an <c>[ActivityTrigger]</c> parameter)
/// run by the Durable worker as the Functions host runs it: a new instance of its class from the DI
/// container for each execution (the worker's default function activator does the same), the
/// trigger's input deserialized by the worker's converter into the parameter's type, a
/// <see cref="CancellationToken"/> where the method takes one, the awaited result returned.
/// Every execution is counted in <see cref="EngineCounters"/>.
/// </summary>
public sealed class FunctionActivity : ITaskActivity
{
    private readonly MethodInfo _method;
    private readonly IServiceProvider _services;
    private readonly EngineCounters _counters;

    private FunctionActivity(string name, MethodInfo method, IServiceProvider services, EngineCounters counters)
    {
        Name = name;
        _method = method;
        _services = services;
        _counters = counters;
        InputType = method.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null).ParameterType;
        OutputType = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? method.ReturnType.GetGenericArguments()[0]
            : typeof(object);
    }

    public string Name { get; }

    public Type InputType { get; }

    public Type OutputType { get; }

    /// <summary>Every activity function declared on <paramref name="type"/>, by function name.</summary>
    public static IReadOnlyList<(string Name, MethodInfo Method)> DeclaredOn(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return [.. type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
            .Select(m => (m.GetCustomAttribute<FunctionAttribute>()?.Name
                ?? throw new InvalidOperationException($"{type.Name}.{m.Name} has an [ActivityTrigger] but no [Function] name."), m))];
    }

    public static FunctionActivity Create(string name, MethodInfo method, IServiceProvider services, EngineCounters counters) =>
        new(name, method, services, counters);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = _counters.ActivityStarted(context.InstanceId, Name);
        object? output = null;
        Exception? failure = null;
        try
        {
            var target = _method.IsStatic ? null : ActivatorUtilities.CreateInstance(_services, _method.DeclaringType!);
            var arguments = _method.GetParameters()
                .Select(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null ? input
                    : p.ParameterType == typeof(CancellationToken) ? (object)CancellationToken.None
                    : throw new InvalidOperationException($"Activity {Name}: the harness cannot bind parameter {p.Name} ({p.ParameterType.Name})."))
                .ToArray();
            var task = (Task)(_method.Invoke(target, arguments)
                ?? throw new InvalidOperationException($"Activity {Name} returned no task."));
            await task;
            output = OutputType == typeof(object) ? null : task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
            return output;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            failure = ex.InnerException;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            _counters.ActivityEnded(context.InstanceId, Name, started, input, output, failure);
        }
    }
}
