namespace Cee.Tests;

/// <summary>Where the repository is, for tests that read committed files (samples, infra, docs). Linked into every test project.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(Find);

    /// <summary>The folder holding CeeFunctions.sln, found by walking up from the test output.</summary>
    public static string Root => LazyRoot.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CeeFunctions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CeeFunctions.sln above {AppContext.BaseDirectory}.");
    }
}
