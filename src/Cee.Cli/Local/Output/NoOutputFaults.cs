namespace Cee.Cli.Local.Output;

/// <summary>The production seam: no injected faults.</summary>
public sealed class NoOutputFaults : IOutputFaults
{
    public static NoOutputFaults Instance { get; } = new();

    public void BeforeWrite(OutputWriteKind kind, string name)
    {
    }
}
