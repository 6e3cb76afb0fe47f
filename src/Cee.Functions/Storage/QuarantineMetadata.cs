using System.Globalization;
using System.Text;
using Cee.Routing.Drops;
using Cee.Routing.Intake;

namespace Cee.Functions.Storage;

/// <summary>
/// The metadata a quarantined blob carries. Blob metadata travels as HTTP headers: values must be
/// ASCII and all of a blob's metadata must stay under 8 KiB. So every value keeps printable ASCII
/// as is and percent-encodes the UTF-8 bytes of everything else (and of <c>%</c> itself), which
/// <see cref="Uri.UnescapeDataString(string)"/> reverses exactly; long values are cut at a character
/// boundary and end with <see cref="TruncationMark"/>. The full reasons are always in the
/// <c>.reasons.json</c> blob named by <see cref="ReasonsFileKey"/>.
/// </summary>
public static class QuarantineMetadata
{
    public const string DropIdKey = "cee_drop_id";
    public const string SourceKey = "cee_source";
    public const string ContentVersionKey = "cee_content_version";
    public const string ReasonCountKey = "cee_reason_count";
    public const string ReasonCodesKey = "cee_reason_codes";
    public const string ReasonsKey = "cee_reasons";
    public const string ReasonsFileKey = "cee_reasons_file";

    /// <summary>Appended to a value that was cut.</summary>
    public const string TruncationMark = "...[truncated]";

    // Limits per value (encoded), well inside the 8 KiB of metadata a blob may carry.
    public const int MaxReasonsLength = 2048;
    public const int MaxCodesLength = 512;
    public const int MaxNameLength = 1024;

    public static IDictionary<string, string> For(DropReference drop, IReadOnlyList<Finding> reasons, string reasonsBlobName)
    {
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentNullException.ThrowIfNull(reasons);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [DropIdKey] = Encode(drop.DropId, MaxNameLength),
            [SourceKey] = Encode(drop.Source, MaxNameLength),
            [ContentVersionKey] = Encode(drop.ContentVersion, MaxNameLength),
            [ReasonCountKey] = reasons.Count.ToString(CultureInfo.InvariantCulture),
            [ReasonCodesKey] = Encode(string.Join(",", reasons.Select(r => r.Code)), MaxCodesLength),
            [ReasonsKey] = Encode(string.Join("; ", reasons.Select(r => $"[{r.Code}] {r.Message}")), MaxReasonsLength),
            [ReasonsFileKey] = Encode(reasonsBlobName, MaxNameLength),
        };
    }

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
