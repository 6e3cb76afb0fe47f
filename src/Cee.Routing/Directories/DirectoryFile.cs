namespace Cee.Routing.Directories;

/// <summary>Reading a directory file from disk: its format from its extension, its text as UTF-8.</summary>
public static class DirectoryFile
{
    /// <summary><c>.json</c> is JSON, <c>.csv</c> is CSV (case-insensitive); anything else is refused.</summary>
    public static DirectoryFileFormat FormatOf(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSON" => DirectoryFileFormat.Json,
            ".CSV" => DirectoryFileFormat.Csv,
            _ => throw new DirectoryFileException($"'{Path.GetFileName(path)}' is neither a .json nor a .csv file."),
        };
    }

    /// <summary>The file's text, or a <see cref="DirectoryFileException"/> saying why it cannot be read.</summary>
    public static string ReadText(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new DirectoryFileException($"'{path}' cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DirectoryFileException($"'{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
