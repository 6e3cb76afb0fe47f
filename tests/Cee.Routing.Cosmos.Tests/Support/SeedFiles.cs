namespace Cee.Routing.Cosmos.Tests.Support;

/// <summary>Directory files as a deployment writes them, in a temporary folder deleted on dispose.</summary>
internal sealed class SeedFiles : IDisposable
{
    /// <summary>An EIN importer (Electronics, C-TPAT), a sole proprietor by SSN (Automotive), and a NOTELG account.</summary>
    public const string AccountsJson = """
        [
          { "importerNumber": "12-345678900", "center": "CEE007", "trustedTrader": ["C-TPAT"] },
          { "importerNumber": "078-05-1120", "center": "CEE008" },
          { "importerNumber": "98-765432100", "center": "NOTELG", "trustedTrader": [] }
        ]
        """;

    public const string RequestsCsv = """
        requestId,center
        CF28-2026-004417,CEE003
        cf29-2026-000981,CEE007
        """;

    public SeedFiles()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "cee-seed-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
