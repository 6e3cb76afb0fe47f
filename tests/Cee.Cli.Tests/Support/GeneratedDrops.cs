using Cee.Samples;

namespace Cee.Cli.Tests.Support;

/// <summary>A folder of drops made by the load generator (every kind, faults and exact duplicates), written once per test class.</summary>
public sealed class GeneratedDrops : IDisposable
{
    public const int Count = 600;

    private readonly TempDirectory _folder = new();

    public GeneratedDrops()
    {
        foreach (var file in LoadGenerator.Generate(Count, 2026).Files)
        {
            var path = _folder.Combine(file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
        }
    }

    public string Drops => _folder.Combine("drops");

    public string Accounts => _folder.Combine("accounts.json");

    public string Requests => _folder.Combine("requests.json");

    /// <summary>The <c>cee route</c> command line over these drops into <paramref name="outDirectory"/>.</summary>
    public string[] Route(string outDirectory, params string[] more) =>
        ["route", Drops, "--accounts", Accounts, "--requests", Requests, "--out", outDirectory, .. more];

    public void Dispose() => _folder.Dispose();
}
