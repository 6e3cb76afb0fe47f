namespace Cee.Routing.Directories;

/// <summary>
/// A directory file that cannot be read at all: unreadable, not JSON, not an array, a CSV header
/// without a required column or with an unknown one. Problems of single entries are
/// <see cref="DirectoryFileError"/>s instead.
/// </summary>
public sealed class DirectoryFileException : Exception
{
    public DirectoryFileException()
    {
    }

    public DirectoryFileException(string message)
        : base(message)
    {
    }

    public DirectoryFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
