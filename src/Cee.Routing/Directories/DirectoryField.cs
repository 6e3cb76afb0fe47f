namespace Cee.Routing.Directories;

/// <summary>One field of a directory file: its name (JSON property and CSV column), whether it is required, whether it holds a list.</summary>
/// <param name="Name">The JSON property name, also the CSV column name (matched case-insensitively in a header).</param>
/// <param name="Required">Whether every entry must give it.</param>
/// <param name="IsList">A JSON array of strings, or in CSV one cell with the values separated by <c>;</c>.</param>
internal sealed record DirectoryField(string Name, bool Required, bool IsList = false);
