using Cee.Cli.Local.Output;

namespace Cee.Cli.Tests.Support;

/// <summary>
/// The file system of a disk that fills up: the <see cref="FailAt"/>-th write of <see cref="Kind"/> and
/// every write after it (of any kind) fail with "No space left on device", as ENOSPC does.
/// </summary>
internal sealed class DiskFullFaults(OutputWriteKind kind, int failAt) : IOutputFaults
{
    // ENOSPC is 28; .NET reports it as an IOException with this message.
    public const string Message = "No space left on device";

    private int _seen;
    private volatile bool _full;

    public OutputWriteKind Kind { get; } = kind;

    public int FailAt { get; } = failAt;

    /// <summary>Whether the disk filled up during the run.</summary>
    public bool Filled => _full;

    public void BeforeWrite(OutputWriteKind kind, string name)
    {
        if (!_full && kind == Kind && Interlocked.Increment(ref _seen) >= FailAt)
        {
            _full = true;
        }

        if (_full)
        {
            throw new IOException($"{Message} : '{name}'", 28);
        }
    }
}
