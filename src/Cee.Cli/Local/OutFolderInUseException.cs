namespace Cee.Cli.Local;

/// <summary>Another <c>cee</c> run holds the output folder's <see cref="OutFolderLock"/>.</summary>
public sealed class OutFolderInUseException : Exception
{
    public OutFolderInUseException()
    {
    }

    public OutFolderInUseException(string folder)
        : base($"{folder} is in use by another cee run (it holds {OutFolderLock.FileName}); wait for it, pass --wait, or use another --out.")
    {
        Folder = folder;
    }

    public OutFolderInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string Folder { get; } = string.Empty;
}
