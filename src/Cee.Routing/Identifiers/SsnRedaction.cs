using System.Text.RegularExpressions;

namespace Cee.Routing.Identifiers;

/// <summary>
/// Masks whatever in a free text could be a Social Security number before the text is echoed,
/// logged or put in an exception message: any 9 digits grouped like an SSN (<c>078-05-1120</c>,
/// <c>078 05 1120</c>, <c>078051120</c>) that are not part of a longer run of digits keep only
/// their last 4 digits (<c>***-**-1120</c>). An SSN is personal data (CEE.md §3); an importer
/// number typed into the wrong place must not end up in a log in full.
/// </summary>
/// <remarks>
/// Deliberately errs towards masking: 9 digits with a letter after them (an undashed EIN with a
/// letter suffix such as <c>123456789AB</c>) are masked too, because an SSN followed by a typo
/// looks the same. Callers echo valid non-SSN identifiers from their normalized form instead.
/// </remarks>
public static partial class SsnRedaction
{
    /// <summary>The text with every SSN-like group of 9 digits masked but for its last 4 digits.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SsnLike().Replace(text, static match => Mask(match.ValueSpan));
    }

    /// <summary>True when <paramref name="text"/> holds something <see cref="Redact"/> would mask.</summary>
    public static bool ContainsSsnLike(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SsnLike().IsMatch(text);
    }

    private static string Mask(ReadOnlySpan<char> group)
    {
        Span<char> masked = stackalloc char[group.Length];
        var digitsLeft = 0;
        foreach (var ch in group)
        {
            digitsLeft += char.IsAsciiDigit(ch) ? 1 : 0;
        }

        for (var i = 0; i < group.Length; i++)
        {
            var ch = group[i];
            if (char.IsAsciiDigit(ch))
            {
                // Only the last 4 digits survive, as on an SSA-style masked number.
                masked[i] = digitsLeft-- > 4 ? '*' : ch;
            }
            else
            {
                masked[i] = ch;
            }
        }

        return new string(masked);
    }

    // 3-2-4 digits with an optional single separator between groups, not touching another group
    // of digits (so entry numbers, EINs with suffix and protest numbers never match).
    [GeneratedRegex(@"(?<![0-9][-. ]?)[0-9]{3}[-. ]?[0-9]{2}[-. ]?[0-9]{4}(?![-. ]?[0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SsnLike();
}
