namespace Cee.Functions.Tests.Support;

/// <summary>The repository's sample drops (<c>samples/drops/2704</c>, made by <c>src/Cee.Samples</c> and checked by the core's tests).</summary>
internal static class Samples
{
    public static byte[] Inspect(string fileName) => File.ReadAllBytes(Path.Combine(RepositoryRoot(), "samples", "drops", "2704", fileName));

    private static string RepositoryRoot()
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
