using System.Reflection;
using System.Reflection.Emit;
using Cee.Routing.Workflow;

namespace Cee.Routing.Tests.Workflow;

/// <summary>
/// The workflow and the policy run inside a Durable orchestrator, which replays them: they must not
/// read a clock, randomness, the environment or do I/O except through the ports. This reads the IL
/// of every method (async state machines and lambdas included) and fails on any forbidden call.
/// </summary>
public class ReplaySafetyTests
{
    private static readonly string[] CheckedNamespaces = ["Cee.Routing.Workflow", "Cee.Routing.Policy", "Cee.Routing.Messages", "Cee.Routing.Ledger"];

    // Declaring type → forbidden members ("*" = every member).
    private static readonly Dictionary<string, string[]> Forbidden = new(StringComparer.Ordinal)
    {
        ["System.DateTime"] = ["get_Now", "get_UtcNow", "get_Today"],
        ["System.DateTimeOffset"] = ["get_Now", "get_UtcNow"],
        ["System.TimeProvider"] = ["*"],
        ["System.Guid"] = ["NewGuid", "CreateVersion7"],
        ["System.Random"] = ["*"],
        ["System.Security.Cryptography.RandomNumberGenerator"] = ["*"],
        ["System.Environment"] = ["*"],
        ["System.Diagnostics.Stopwatch"] = ["*"],
        ["System.Threading.Thread"] = ["Sleep"],
        ["System.Threading.Tasks.Task"] = ["Delay", "Run", "Yield", "ConfigureAwait"],
        ["System.Threading.Tasks.Task`1"] = ["ConfigureAwait"],
        ["System.Threading.Tasks.ValueTask"] = ["ConfigureAwait"],
        ["System.IO.File"] = ["*"],
        ["System.IO.Directory"] = ["*"],
        ["System.IO.FileStream"] = ["*"],
        ["System.Net.Http.HttpClient"] = ["*"],
        ["System.Console"] = ["*"],
    };

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void WorkflowPolicyMessagesAndLedger_CallNoClockRandomnessEnvironmentOrIo()
    {
        var violations = new List<string>();
        var scanned = 0;
        foreach (var type in typeof(RoutingWorkflow).Assembly.GetTypes().Where(InCheckedNamespace))
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                scanned++;
                foreach (var called in CalledMembers(method))
                {
                    var declaring = called.DeclaringType is { IsGenericType: true } g ? g.GetGenericTypeDefinition().FullName : called.DeclaringType?.FullName;
                    if (declaring is not null && Forbidden.TryGetValue(declaring, out var members) &&
                        (members.Contains("*") || members.Contains(called.Name)))
                    {
                        violations.Add($"{type.FullName}.{method.Name} calls {declaring}.{called.Name}");
                    }
                }
            }
        }

        Assert.True(scanned > 50, $"only {scanned} methods scanned: the scan is not seeing the workflow");
        Assert.Empty(violations);
    }

    [Fact]
    public void Scanner_ForbiddenCallInAMethod_IsFound()
    {
        // The scanner must be able to fail: a method that reads the system clock is caught.
        var called = CalledMembers(typeof(ReplaySafetyTests).GetMethod(nameof(ReadsTheClock), BindingFlags.NonPublic | BindingFlags.Static)!);

        Assert.Contains(called, m => m.DeclaringType == typeof(DateTimeOffset) && m.Name == "get_UtcNow");
    }

    private static DateTimeOffset ReadsTheClock() => DateTimeOffset.UtcNow;

    private static bool InCheckedNamespace(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        return CheckedNamespaces.Contains(outer.Namespace);
    }

    private static IEnumerable<MemberInfo> CalledMembers(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            var operandSize = OperandSize(opCode.OperandType, il, position);
            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    // Tokens needing a generic context we do not have; they never name a forbidden API here.
                }

                if (member is not null)
                {
                    yield return member;
                }
            }

            position += operandSize;
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int position) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
