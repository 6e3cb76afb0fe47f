namespace Cee.Routing.Documents;

/// <summary>
/// What a document is by its first bytes (its signature), whatever its name or header claims:
/// PDF (<c>%PDF-</c>), TIFF in either byte order (<c>II*\0</c>, <c>MM\0*</c>), JPEG (<c>FF D8 FF</c>) and
/// PNG (<c>89 50 4E 47 0D 0A 1A 0A</c>). Anything else is <see cref="Unknown"/>.
/// </summary>
public static class FileSignatures
{
    public const string Pdf = "pdf";
    public const string Tiff = "tiff";
    public const string Jpeg = "jpeg";
    public const string Png = "png";
    public const string Unknown = "unknown";

    /// <summary>How many leading bytes <see cref="Detect"/> needs at most (the PNG signature).</summary>
    public const int SignatureLength = 8;

    /// <summary>The type the leading bytes show; <see cref="Unknown"/> when they match no signature (or are too few).</summary>
    public static string Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return Tiff;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Png : Unknown;
    }

    /// <summary>True when the leading bytes are one of the four image types a bare drop may be.</summary>
    public static bool IsSupportedImage(string detectedType) => detectedType is Pdf or Tiff or Jpeg or Png;

    /// <summary>
    /// A declared type as written in a header or taken from a file name, lower case without a
    /// leading dot (<c>".PDF"</c> → <c>"pdf"</c>); null when there is none.
    /// </summary>
    public static string? NormalizeDeclared(string? declared)
    {
        var text = declared.AsSpan().Trim().TrimStart('.');
        return text.IsEmpty ? null : text.ToString().ToLowerInvariant();
    }

    /// <summary>The extension of a file name, normalized as by <see cref="NormalizeDeclared"/>; null when it has none.</summary>
    public static string? ExtensionOf(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var name = fileName.AsSpan().Trim();
        var dot = name.LastIndexOf('.');
        return dot < 0 || dot == name.Length - 1 ? null : NormalizeDeclared(name[(dot + 1)..].ToString());
    }

    /// <summary>
    /// The detected-type name a declared type stands for, so that spellings compare equal:
    /// <c>tif</c>/<c>tiff</c> → <c>tiff</c>, <c>jpg</c>/<c>jpeg</c>/<c>jpe</c> → <c>jpeg</c>; anything else normalized as is.
    /// </summary>
    public static string? Canonical(string? declared) => NormalizeDeclared(declared) switch
    {
        null => null,
        "tif" or "tiff" => Tiff,
        "jpg" or "jpeg" or "jpe" => Jpeg,
        var other => other,
    };

    /// <summary>True when a declared type names the same kind of file as a detected one (<c>TIF</c> and <c>tiff</c> agree).</summary>
    public static bool Agree(string? declared, string detectedType) =>
        string.Equals(Canonical(declared), detectedType, StringComparison.Ordinal);
}
