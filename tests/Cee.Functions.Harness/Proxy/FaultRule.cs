namespace Cee.Functions.Harness.Proxy;

/// <summary>
/// Which requests a <see cref="FaultProxy"/> fails, and for how long: the first <see cref="Times"/>
/// matching requests, or every matching request while <see cref="While"/> holds (e.g. "while the
/// first attempt of this activity runs"), whichever is given.
/// </summary>
public sealed class FaultRule
{
    private int _remaining;
    private int _injected;

    public FaultRule(string name, Func<string, string, bool> matches, InjectedFault fault, int? times = null, Func<bool>? @while = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(fault);
        if (times is null == @while is null)
        {
            throw new ArgumentException("Give a rule either a number of times or a condition.");
        }

        Name = name;
        Matches = matches;
        Fault = fault;
        While = @while;
        _remaining = times ?? int.MaxValue;
        Times = times;
    }

    public string Name { get; }

    /// <summary>(method, path) → whether the request is one this rule fails.</summary>
    public Func<string, string, bool> Matches { get; }

    public InjectedFault Fault { get; }

    public int? Times { get; }

    public Func<bool>? While { get; }

    /// <summary>How many requests this rule has failed so far.</summary>
    public int Injected => Volatile.Read(ref _injected);

    /// <summary>Takes one fault for this request, if the rule applies to it and has any left.</summary>
    internal bool TryTake(string method, string path)
    {
        if (!Matches(method, path) || (While is { } condition && !condition()))
        {
            return false;
        }

        if (Interlocked.Decrement(ref _remaining) < 0)
        {
            Interlocked.Increment(ref _remaining);
            return false;
        }

        Interlocked.Increment(ref _injected);
        return true;
    }
}
