using Cee.Routing.Directories;

namespace Cee.Cli;

/// <summary>Reads an accounts or requests file for a verb: a missing or unreadable file is a usage error, bad rows are reported.</summary>
public static class DirectoryFiles
{
    public static DirectoryFileResult<T> Load<T>(FileInfo file, Func<string, DirectoryFileResult<T>> load)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(load);
        if (!file.Exists)
        {
            throw new UsageException($"'{file.FullName}' does not exist.");
        }

        try
        {
            return load(file.FullName);
        }
        catch (DirectoryFileException ex)
        {
            throw new UsageException($"{file.Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Writes each row error to standard error; returns how many there were.</summary>
    public static int Report(CliContext context, FileInfo? file, IReadOnlyList<DirectoryFileError>? errors)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var error in errors ?? [])
        {
            context.Error.WriteLine($"cee: {file!.Name}: {error}");
        }

        return errors?.Count ?? 0;
    }
}
