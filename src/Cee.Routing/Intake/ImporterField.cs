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
/// <param name="Display">The normalized number (masked for an SSN); for text that is not an importer number, the text with every digit but the last 4 masked (it may be a mistyped SSN).</param>
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
            : new ImporterField(path, default, error, MaskAllButLastFourDigits(trimmed));
    }

    /// <summary>
    /// <c>078-05-11200</c> → <c>***-**-*1200</c>. An invalid importer number is often an SSN with a typo,
    /// which <see cref="SsnRedaction"/> (9 digits exactly) would not catch, so every digit but the last 4 goes.
    /// </summary>
    private static string MaskAllButLastFourDigits(string text)
    {
        var digits = text.Count(char.IsAsciiDigit);
        return string.Create(text.Length, (text, digits), static (span, state) =>
        {
            var left = state.digits;
            for (var i = 0; i < span.Length; i++)
            {
                var ch = state.text[i];
                span[i] = char.IsAsciiDigit(ch) && left-- > 4 ? '*' : ch;
            }
        });
    }
}
