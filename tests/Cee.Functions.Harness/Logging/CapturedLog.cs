using Microsoft.Extensions.Logging;

namespace Cee.Functions.Harness.Logging;

/// <summary>One log entry written by the app while the harness ran it.</summary>
/// <param name="Category">The logger's category, e.g. <c>Cee.Routing.Cosmos.CosmosRoutingLedger</c>.</param>
/// <param name="Level">Its level.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Properties">The structured template's values by name (<c>{OriginalFormat}</c> is the template).</param>
/// <param name="Exception">The exception logged with it, if any.</param>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception)
{
    public string Template => Properties.TryGetValue("{OriginalFormat}", out var template) ? template as string ?? string.Empty : string.Empty;
}
