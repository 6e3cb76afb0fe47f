using System.Collections.Concurrent;

namespace Cee.Cli.Local.Output;

/// <summary>
/// The output folder of <c>cee route</c> and every write into it. Nothing is ever written in place:
/// bytes go to a file under <c>&lt;out&gt;/.cee-tmp/</c> and are renamed into place when complete, so
/// a crash at any moment leaves either the old file, the new one, or a stray temporary file that the
/// next run deletes (<see cref="PurgeTemporary"/>); never a torn file under a real name. A write that
/// fails is an <see cref="OutputWriteException"/>: the run stops, the ledger says where.
/// </summary>
public sealed class OutputFolder
{
    /// <summary>Where files are written before they are renamed into place (same file system, so the rename is atomic).</summary>
    public const string TemporaryFolder = ".cee-tmp";

    private readonly string _temporary;

    // The folders already made this run: a commit then costs one rename, not a mkdir and a stat as well.
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private volatile bool _temporaryReady;

    public OutputFolder(string root, IOutputFaults? faults = null)
    {
        Root = Path.GetFullPath(root);
        Faults = faults ?? NoOutputFaults.Instance;
        _temporary = Path.Combine(Root, TemporaryFolder);
    }

    public string Root { get; }

    public IOutputFaults Faults { get; }

    /// <summary>Deletes what an interrupted run left half-written. Only call it while holding the folder's <see cref="OutFolderLock"/>.</summary>
    public void PurgeTemporary()
    {
        if (Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }

        Directory.CreateDirectory(_temporary);
        _temporaryReady = true;
    }

    /// <summary>Removes the temporary folder when a run leaves it empty, as a complete run does.</summary>
    public void RemoveEmptyTemporary()
    {
        if (Directory.Exists(_temporary) && !Directory.EnumerateFileSystemEntries(_temporary).Any())
        {
            Directory.Delete(_temporary);
        }

        _temporaryReady = false;
    }

    /// <summary>The full path of <paramref name="relative"/> (a path with '/' separators) under the output folder.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A new, empty temporary file to write into, then <see cref="Commit"/>.</summary>
    public FileStream CreateTemporary(OutputWriteKind kind, out string temporaryPath)
    {
        temporaryPath = Path.Combine(_temporary, Guid.NewGuid().ToString("N"));
        var path = temporaryPath;
        if (!_temporaryReady)
        {
            Guard(kind, TemporaryFolder, () => Directory.CreateDirectory(_temporary));
            _temporaryReady = true;
        }

        // Synchronous, unbuffered handles: small files written on the routing thread (measured faster
        // on Linux than asynchronous handles, which only move each write to the thread pool).
        return Guard(kind, path, () => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.None));
    }

    /// <summary>Renames a complete temporary file to <paramref name="relative"/>, replacing what is there.</summary>
    public void Commit(string temporaryPath, string relative, OutputWriteKind kind)
    {
        var target = PathOf(relative);
        Guard(kind, relative, () =>
        {
            Faults.BeforeWrite(kind, relative);
            var folder = Path.GetDirectoryName(target)!;
            if (!_folders.ContainsKey(folder))
            {
                // Marked only once made, so a concurrent commit never moves into a folder not yet there.
                Directory.CreateDirectory(folder);
                _folders.TryAdd(folder, true);
            }

            try
            {
                File.Move(temporaryPath, target, overwrite: true);
            }
            catch (DirectoryNotFoundException)
            {
                // Removed behind the run's back since it was made: make it again, once.
                Directory.CreateDirectory(folder);
                File.Move(temporaryPath, target, overwrite: true);
            }

            return true;
        });
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="relative"/> whole or not at all.</summary>
    public void WriteAtomically(string relative, byte[] bytes, OutputWriteKind kind)
    {
        string temporary;
        using (var stream = CreateTemporary(kind, out temporary))
        {
            Guard(kind, relative, () =>
            {
                stream.Write(bytes);
                return true;
            });
        }

        Commit(temporary, relative, kind);
    }

    /// <summary>Copies the regular file <paramref name="source"/> to <paramref name="relative"/> whole or not at all.</summary>
    public async Task CopyAtomicallyAsync(string source, string relative, OutputWriteKind kind, CancellationToken cancellationToken)
    {
        string temporary;
        await using (var target = CreateTemporary(kind, out temporary))
        {
            await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
            {
                var chunk = read;
                Guard(kind, relative, () =>
                {
                    target.Write(buffer, 0, chunk);
                    return true;
                });
            }
        }

        Commit(temporary, relative, kind);
    }

    /// <summary>Runs a write, turning the file system's failure into an <see cref="OutputWriteException"/>.</summary>
    public static T Guard<T>(OutputWriteKind kind, string name, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            return write();
        }
        catch (OutputWriteException)
        {
            throw;
        }
        catch (IOException ex)
        {
            throw Failed(kind, name, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw Failed(kind, name, ex);
        }
    }

    /// <summary>The exception for a failed write of <paramref name="name"/>.</summary>
    public static OutputWriteException Failed(OutputWriteKind kind, string name, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return new OutputWriteException($"could not write {name} in the output folder: {cause.Message}", cause) { Kind = kind };
    }
}
