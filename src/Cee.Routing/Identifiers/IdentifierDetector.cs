using System.Buffers;

namespace Cee.Routing.Identifiers;

/// <summary>
/// Guesses which identifier a text is from its shape alone (length, dash and dot positions, where
/// the letters are), so a tool can validate a value nobody labelled. The guess says what to parse
/// the text as, not that it is valid: <c>002-6110316-3</c> is detected as an entry number and then
/// fails its check digit, which is a more useful answer than "unknown".
/// </summary>
/// <remarks>
/// Shapes and the kind they map to:
/// <list type="bullet">
/// <item>3-7-1 characters between dashes (<c>002-6110316-2</c>): entry;</item>
/// <item>2-9 (<c>12-345678900</c>), 2-7 (an EIN missing its suffix), 3-2-4 (<c>NNN-NN-NNNN</c>),
/// 6-5 (<c>YYDDPP-NNNNN</c>): importer;</item>
/// <item>4-2-6 or 4-4-6 (<c>3901-2018-100274</c>): protest;</item>
/// <item>digits and dots (<c>8471.30.0100</c>): HTS;</item>
/// <item>plain digits by count: 2, 6, 8, 10 HTS; 4 port; 9 importer (SSN); 12 or 14 protest;</item>
/// <item>11 characters with letters only in the first 3: entry; with letters only in the last 2: importer (EIN suffix).</item>
/// </list>
/// Two shapes are ambiguous. <b>4 digits</b> are a port code or an HTS heading: they are taken as a
/// port, since a heading alone is rarely the thing being checked (ask for HTS explicitly).
/// <b>11 digits</b> are an undashed entry number or an undashed EIN with numeric suffix / CBP-assigned
/// number: they are taken as an entry number when the entry check digit is valid, else as an
/// importer number. A random 11-digit importer number passes the entry check one time in ten, so
/// the choice is a guess; callers that know the kind should say so.
/// </remarks>
public static class IdentifierDetector
{
    private static readonly SearchValues<char> DigitsAndDot = SearchValues.Create("0123456789.");

    private static readonly SearchValues<char> AsciiAlphanumerics =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>The kind the text's shape suggests, or null when it fits none.</summary>
    public static IdentifierKind? Detect(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        if (text.Contains('.'))
        {
            return text.ContainsAnyExcept(DigitsAndDot) ? null : IdentifierKind.Hts;
        }

        if (text.Contains('-'))
        {
            return DetectDashed(text);
        }

        if (!IsAlphanumeric(text))
        {
            return null;
        }

        if (IsDigits(text))
        {
            return text.Length switch
            {
                4 => IdentifierKind.Port,
                2 or 6 or 8 or 10 => IdentifierKind.Hts,
                9 => IdentifierKind.Importer,
                11 => EntryNumber.TryParse(text, out _) ? IdentifierKind.Entry : IdentifierKind.Importer,
                12 or 14 => IdentifierKind.Protest,
                _ => null,
            };
        }

        if (text.Length == 11)
        {
            if (IsDigits(text[3..]))
            {
                return IdentifierKind.Entry;
            }

            if (IsDigits(text[..9]))
            {
                return IdentifierKind.Importer;
            }
        }

        return null;
    }

    private static IdentifierKind? DetectDashed(ReadOnlySpan<char> text)
    {
        // Lengths of up to three dash-separated segments; any empty or non-alphanumeric segment,
        // or a fourth one, fits no identifier.
        Span<int> lengths = stackalloc int[3];
        var count = 0;
        foreach (var range in text.Split('-'))
        {
            var segment = text[range];
            if (count == lengths.Length || segment.IsEmpty || !IsAlphanumeric(segment))
            {
                return null;
            }

            lengths[count++] = segment.Length;
        }

        return (count, lengths[0], lengths[1], lengths[2]) switch
        {
            (3, 3, 7, 1) => IdentifierKind.Entry,
            (2, 2, 9, _) or (2, 2, 7, _) or (3, 3, 2, 4) or (2, 6, 5, _) => IdentifierKind.Importer,
            (3, 4, 2, 6) or (3, 4, 4, 6) => IdentifierKind.Protest,
            _ => null,
        };
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    private static bool IsAlphanumeric(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(AsciiAlphanumerics);

}
