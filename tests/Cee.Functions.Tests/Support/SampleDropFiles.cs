using Cee.Tests;

namespace Cee.Functions.Tests.Support;

/// <summary>The repository's sample drops (<c>samples/drops/2704</c>, made by <c>src/Cee.Samples</c> and checked by the core's tests).</summary>
internal static class SampleDropFiles
{
    public static byte[] Inspect(string fileName) => File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "samples", "drops", "2704", fileName));
}
