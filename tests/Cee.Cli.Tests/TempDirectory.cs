namespace Cee.Cli.Tests;

/// <summary>A directory under the system temp folder, deleted when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cee-tests", UniqueName());

    /// <summary>
    /// A unique name without digits: cee masks any 9 digits in a row in what it prints (they could be an
    /// SSN), and a GUID's hex often holds such a run, which would make a test's path unrecognizable.
    /// </summary>
    public static string UniqueName() =>
        string.Concat(Guid.NewGuid().ToString("N").Select(c => char.IsAsciiDigit(c) ? (char)('g' + (c - '0')) : c));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test that leaves a file open must not also fail every later one.
        }
    }
}
