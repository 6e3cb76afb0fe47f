namespace Cee.Routing.Directories;

/// <summary>How a directory file (importer accounts, CBP requests) is written.</summary>
public enum DirectoryFileFormat
{
    /// <summary>A JSON array of objects with the file's property names.</summary>
    Json,

    /// <summary>Comma-separated values (RFC 4180) with a header line naming the columns.</summary>
    Csv,
}
