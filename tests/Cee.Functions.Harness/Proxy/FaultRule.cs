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
        : this(name, matches, fault, null, times, @while)
    {
        ArgumentNullException.ThrowIfNull(fault);
    }

    private FaultRule(string name, Func<string, string, bool> matches, InjectedFault? fault, Task? release, int? times, Func<bool>? @while)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(matches);
        if (times is null == @while is null)
        {
            throw new ArgumentException("Give a rule either a number of times or a condition.");
        }

        Name = name;
        Matches = matches;
        Fault = fault;
        Release = release;
        While = @while;
        _remaining = times ?? int.MaxValue;
        Times = times;
    }

    public string Name { get; }

    /// <summary>(method, path) → whether the request is one this rule fails.</summary>
    public Func<string, string, bool> Matches { get; }

    /// <summary>The failure to answer with; null for a rule that only holds requests back.</summary>
    public InjectedFault? Fault { get; }

    /// <summary>For a holding rule: the request waits for this task, then goes to the service as usual.</summary>
    public Task? Release { get; }

    /// <summary>
    /// Holds the first <paramref name="times"/> matching requests until <paramref name="release"/>
    /// completes, then lets them through: "something happens between this call and the next".
    /// </summary>
    public static FaultRule Hold(string name, Func<string, string, bool> matches, Task release, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(release);
        return new FaultRule(name, matches, null, release, times, null);
    }

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
