using System.Globalization;
using System.Text;

namespace Cee.Functions.Storage;

/// <summary>
/// Text fit for blob metadata. Metadata travels as HTTP headers: values must be ASCII and all of a
/// blob's metadata must stay under 8 KiB. So a value keeps printable ASCII as is and percent-encodes
/// the UTF-8 bytes of everything else (and of <c>%</c> itself), which
/// <see cref="Uri.UnescapeDataString(string)"/> reverses exactly; a long value is cut at a character
/// boundary and ends with <see cref="TruncationMark"/>.
/// </summary>
public static class BlobMetadataText
{
    /// <summary>Appended to a value that was cut.</summary>
    public const string TruncationMark = "...[truncated]";

    /// <summary>
    /// Printable ASCII except <c>%</c> as is; everything else as <c>%XX</c> per UTF-8 byte; at most
    /// <paramref name="maxLength"/> characters, cut between characters and marked when cut.
    /// </summary>
    public static string Encode(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, TruncationMark.Length + 1);
        var trimmed = text.Trim();
        var full = EncodeUpTo(trimmed, int.MaxValue);
        if (full.Length <= maxLength)
        {
            return full;
        }

        return EncodeUpTo(trimmed, maxLength - TruncationMark.Length) + TruncationMark;
    }

    private static string EncodeUpTo(string text, int limit)
    {
        var builder = new StringBuilder(Math.Min(text.Length, limit));
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            string piece;
            if (rune.Value is >= 0x20 and <= 0x7E && rune.Value != '%')
            {
                piece = ((char)rune.Value).ToString();
            }
            else
            {
                var length = rune.EncodeToUtf8(utf8);
                piece = string.Concat(utf8[..length].ToArray().Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture)));
            }

            if (builder.Length + piece.Length > limit)
            {
                break;
            }

            builder.Append(piece);
        }

        return builder.ToString();
    }
}
