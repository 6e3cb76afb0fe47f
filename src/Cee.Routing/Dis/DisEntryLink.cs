using System.Text.Json.Serialization;

namespace Cee.Routing.Dis;

/// <summary>
/// An <c>Entry</c> or <c>EntrySummary</c> of a TradeTransaction, as written. <paramref name="EntryNumber"/>
/// holds all 11 characters or only the 8 after the filer code (then <paramref name="Filer"/> gives the
/// filer code); intake parses and checks it.
/// </summary>
/// <param name="Element"><c>Entry</c> or <c>EntrySummary</c>.</param>
/// <param name="Path">Where, e.g. <c>/MessageEnvelope/…/TradeTransaction/EntrySummary[1]</c>.</param>
public sealed record DisEntryLink(
    [property: JsonPropertyName("element")] string Element,
    [property: JsonPropertyName("entryNumber")] string? EntryNumber,
    [property: JsonPropertyName("filer")] string? Filer,
    [property: JsonPropertyName("entryLineNumber")] string? EntryLineNumber,
    [property: JsonPropertyName("referenceNumber")] string? ReferenceNumber,
    [property: JsonPropertyName("path")] string Path);
