using System.Globalization;

namespace Cee.Routing.Directories;

/// <summary>
/// Why one entry of a directory file was not accepted. Messages never repeat an importer number
/// (it may be an SSN); other values are echoed with anything SSN-like masked.
/// </summary>
/// <param name="Row">1-based number of the entry: the n-th object of a JSON array, the n-th data line of a CSV file.</param>
/// <param name="Line">For CSV, the line of the file the entry starts on (the header is line 1); null for JSON.</param>
/// <param name="Field">The field at fault, or null when the entry as a whole is.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record DirectoryFileError(int Row, int? Line, string? Field, string Message)
{
    /// <summary>For example <c>row 3 (line 4), center: 'CEE011' is not an ACE Center ID</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"row {Row} (line {line})")
            : string.Create(CultureInfo.InvariantCulture, $"row {Row}");
        return Field is null ? $"{where}: {Message}" : $"{where}, {Field}: {Message}";
    }
}
