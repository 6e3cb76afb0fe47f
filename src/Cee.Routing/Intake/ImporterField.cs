using System.Text.Json.Serialization;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Intake;

/// <summary>
/// An importer of record number as a drop wrote it, parsed where it was read so that its text
/// (possibly an SSN) is never kept: only the parsed number, which formats an SSN masked, and a
/// display form with SSN-like digits masked.
/// </summary>
/// <param name="Path">Where it was: an XML path or a manifest key.</param>
/// <param name="Number">The parsed number; <c>default</c> when <paramref name="Error"/> is not None.</param>
/// <param name="Error">Why the text is not an importer number, or None.</param>
/// <param name="Display">The normalized number (masked for an SSN), or the text as written with SSN-like digits masked.</param>
public sealed record ImporterField(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("number")] ImporterNumber Number,
    [property: JsonPropertyName("error")] ImporterNumberError Error,
    [property: JsonPropertyName("display")] string Display)
{
    /// <summary>True when the text is an importer number.</summary>
    [JsonIgnore]
    public bool IsValid => Error == ImporterNumberError.None;

    /// <summary>Parses <paramref name="text"/>; null when it is empty or only whitespace.</summary>
    public static ImporterField? Parse(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return ImporterNumber.TryParse(trimmed, out var number, out var error)
            ? new ImporterField(path, number, ImporterNumberError.None, number.Masked)
            : new ImporterField(path, default, error, SsnRedaction.Redact(trimmed));
    }
}
