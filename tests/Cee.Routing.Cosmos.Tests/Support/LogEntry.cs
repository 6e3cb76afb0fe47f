using Microsoft.Extensions.Logging;

namespace Cee.Routing.Cosmos.Tests.Support;

/// <summary>One captured log call: its level, template values by name, and the formatted message.</summary>
internal sealed record LogEntry(LogLevel Level, string Category, IReadOnlyDictionary<string, object?> Values, string Message, Exception? Exception)
{
    public object? this[string name] => Values.TryGetValue(name, out var value) ? value : null;

    public string? Template => this["{OriginalFormat}"] as string;
}
