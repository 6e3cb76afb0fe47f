namespace Cee.Routing.Intake;

/// <summary>The wire names of <see cref="DocumentKind"/> (JSON, Service Bus subject and <c>kind</c> property).</summary>
public static class DocumentKindNames
{
    public static string ToWireName(this DocumentKind kind) => kind switch
    {
        DocumentKind.EntrySummary => "entry-summary",
        DocumentKind.Cf28Response => "cf28-response",
        DocumentKind.Cf29Response => "cf29-response",
        DocumentKind.Protest => "protest",
        _ => "other",
    };

    public static IReadOnlyList<string> All { get; } =
        [.. Enum.GetValues<DocumentKind>().Select(k => k.ToWireName())];
}
