namespace Cee.Functions.Hosting;

/// <summary>The <c>Rules</c> section.</summary>
public sealed class RulesSettings
{
    /// <summary><c>Rules__OverrideFile</c>: a path to an HTSUS rules override (docs/htsus-rules.md), or none for the embedded table.</summary>
    public string? OverrideFile { get; set; }
}
