using System.Security.Cryptography;
using System.Text;
using Cee.Routing.Identifiers;

namespace Cee.Cli.Local;

/// <summary>
/// Where a rejected drop goes under <c>quarantine/</c>: its own path, unless that path holds
/// SSN-like digits (masked) or its file name is too long to take the <c>.reasons.json</c> suffix;
/// then the name is shortened and made unique with a hash of the real path
/// (<c>&lt;start of the name&gt;~&lt;12 hex&gt;</c>). The reasons file always says what the drop was.
/// </summary>
public static class QuarantineNames
{
    /// <summary>The longest file name in bytes most file systems take (ext4, XFS, tmpfs, NTFS in UTF-16 units).</summary>
    public const int MaxFileNameBytes = 255;

    private const int HashChars = 12;

    /// <summary>The quarantine path (relative, '/' separators) of the drop at <paramref name="source"/>.</summary>
    public static string For(string source) =>
        For(source, Math.Max(FolderDropStore.ReasonsSuffix.Length, FolderDropStore.ManifestSuffix.Length));

    /// <summary>
    /// The same naming for a file that appends up to <paramref name="longestSuffix"/> ASCII characters to
    /// the name (an answer's <c>.001.review.xml</c> is longer than <c>.reasons.json</c>).
    /// </summary>
    public static string For(string source, int longestSuffix)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentOutOfRangeException.ThrowIfNegative(longestSuffix);
        var masked = SsnRedaction.Redact(source);
        var slash = masked.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : masked[..(slash + 1)];
        var name = masked[(slash + 1)..];
        var room = MaxFileNameBytes - longestSuffix;
        if (string.Equals(masked, source, StringComparison.Ordinal) && Encoding.UTF8.GetByteCount(name) <= room)
        {
            return masked;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..HashChars];
        return folder + Truncate(name, room - HashChars - 1) + "~" + hash;
    }

    // Cuts on a character boundary (never through a surrogate pair or a UTF-8 sequence).
    private static string Truncate(string name, int maxBytes)
    {
        var bytes = 0;
        var end = 0;
        while (end < name.Length)
        {
            var length = char.IsSurrogatePair(name, end) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(name.AsSpan(end, length));
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            end += length;
        }

        return name[..end];
    }
}
