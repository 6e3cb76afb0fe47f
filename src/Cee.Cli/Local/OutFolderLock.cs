using System.Diagnostics;
using System.Globalization;

namespace Cee.Cli.Local;

/// <summary>
/// One writer per output folder at a time: an exclusive lock on <c>&lt;out&gt;/.cee.lock</c>, held
/// for as long as a verb writes the folder (its ledger, documents, quarantine, topics). Every verb
/// that writes the ledger takes it, so two runs never interleave. The operating system drops the
/// lock when the process ends, however it ends (a SIGKILL included): there is no stale lock to clean up.
/// Readers (<c>cee status</c>) need no lock: the ledger's WAL mode lets them read while a run writes.
/// </summary>
public sealed class OutFolderLock : IDisposable
{
    public const string FileName = ".cee.lock";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _handle;

    private OutFolderLock(string folder, FileStream handle)
    {
        Folder = folder;
        _handle = handle;
    }

    /// <summary>The output folder this lock holds.</summary>
    public string Folder { get; }

    /// <summary>Takes the lock now, or returns null when another process (or another run in this one) holds it.</summary>
    public static OutFolderLock? TryAcquire(string folder, string verb)
    {
        ArgumentNullException.ThrowIfNull(verb);
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        var path = Path.Combine(full, FileName);
        try
        {
            // FileShare.None is an exclusive flock(2) on Linux and macOS, a share-mode lock on Windows.
            var handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
            handle.SetLength(0);
            using (var writer = new StreamWriter(handle, leaveOpen: true))
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"cee {verb}, process {Environment.ProcessId}, since {DateTimeOffset.UtcNow:u}\n"));
            }

            return new OutFolderLock(full, handle);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Takes the lock, waiting for the holder when <paramref name="wait"/> (saying so once on
    /// <paramref name="notice"/>), else throwing <see cref="OutFolderInUseException"/> at once.
    /// </summary>
    public static async Task<OutFolderLock> AcquireAsync(string folder, string verb, bool wait, TextWriter? notice, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            if (TryAcquire(folder, verb) is { } held)
            {
                if (told && notice is not null)
                {
                    await notice.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cee: {Path.GetFullPath(folder)} is free after {clock.Elapsed.TotalSeconds:0.0} s; going on."));
                }

                return held;
            }

            if (!wait)
            {
                throw new OutFolderInUseException(Path.GetFullPath(folder));
            }

            if (!told && notice is not null)
            {
                await notice.WriteLineAsync($"cee: {Path.GetFullPath(folder)} is in use by another cee run; waiting for it to finish (Ctrl+C to give up).");
                told = true;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public void Dispose() => _handle.Dispose();
}
