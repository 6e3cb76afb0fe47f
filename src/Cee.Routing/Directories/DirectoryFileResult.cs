namespace Cee.Routing.Directories;

/// <summary>The entries read from a directory file and the problems of those that could not be read.</summary>
/// <typeparam name="T">The entry type.</typeparam>
/// <param name="Items">Every valid entry, in file order.</param>
/// <param name="Errors">Every invalid entry's problem, in file order.</param>
public sealed record DirectoryFileResult<T>(IReadOnlyList<T> Items, IReadOnlyList<DirectoryFileError> Errors)
{
    /// <summary>True when every entry was valid.</summary>
    public bool IsValid => Errors.Count == 0;
}
