using System.Globalization;

namespace Cee.Cli.Local;

/// <summary>What <c>lstat</c> says about a drop's file, before it is opened.</summary>
/// <param name="Kind">What the entry is.</param>
/// <param name="Size">Its size in bytes (of the link itself for a symbolic link).</param>
/// <param name="ModifiedNanoseconds">Its modification time, nanoseconds since the Unix epoch.</param>
public sealed record DropFileStatus(DropFileKind Kind, long Size, long ModifiedNanoseconds)
{
    /// <summary>
    /// The file's version as <c>cee route</c> names it, like a blob's ETag: its size and modification
    /// time. Taken without reading the file, so listing a folder never reads a drop; changing a file
    /// gives it a new version (a new drop id), as re-uploading a blob does.
    /// </summary>
    public string Version => string.Create(CultureInfo.InvariantCulture, $"{Kind.ToString().ToLowerInvariant()}:{Size}:{ModifiedNanoseconds}");

    /// <summary>The size a <see cref="Version"/> names (of the drop itself, not its manifest), or null for another form.</summary>
    public static long? SizeOf(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var parts = version.Split(':', 4);
        return parts.Length >= 3 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;
    }

    /// <summary>Describes a non-regular entry for a rejection reason.</summary>
    public string Describe() => Kind switch
    {
        DropFileKind.SymbolicLink => "a symbolic link, which cee does not follow",
        DropFileKind.Fifo => "a named pipe (FIFO)",
        DropFileKind.Device => "a device",
        DropFileKind.Socket => "a socket",
        DropFileKind.Directory => "a directory",
        DropFileKind.Missing => "gone or not accessible",
        _ => "a regular file",
    };
}
