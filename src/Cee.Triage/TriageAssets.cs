using System.Collections.Frozen;

namespace Cee.Triage;

/// <summary>
/// The triage console's static files (index.html, triage.css, triage.js), embedded in this
/// assembly. Both hosts serve them from here: the Functions app behind Entra sign-in at
/// <c>api/triage/</c>, <c>cee review serve</c> on loopback at the same path. Only these names are
/// served (no path is ever mapped to the file system), so a request cannot reach anything else.
/// </summary>
public static class TriageAssets
{
    /// <summary>Where the page is, under the API's route prefix: <c>api/triage/</c>.</summary>
    public const string Route = "triage";

    /// <summary>The file served for the folder itself.</summary>
    public const string IndexName = "index.html";

    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, TriageAsset>> LazyAll = new(Load);

    /// <summary>Every asset by name.</summary>
    public static IReadOnlyDictionary<string, TriageAsset> All => LazyAll.Value;

    /// <summary>The asset for a request path below the page's folder (empty: the index), or null when there is none.</summary>
    public static TriageAsset? Find(string? name)
    {
        var key = string.IsNullOrEmpty(name) ? IndexName : name;
        return LazyAll.Value.GetValueOrDefault(key);
    }

    /// <summary>
    /// The Content-Security-Policy the page is served with: scripts, styles and calls to its own origin
    /// only; documents may also come from <paramref name="documentOrigin"/> (the Blob endpoint a
    /// user-delegation SAS link points at), shown in a frame or an image, never run as script.
    /// </summary>
    public static string ContentSecurityPolicy(string? documentOrigin = null)
    {
        var documents = string.IsNullOrEmpty(documentOrigin) ? "'self'" : $"'self' {documentOrigin}";
        return $"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src {documents}; frame-src {documents}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static FrozenDictionary<string, TriageAsset> Load()
    {
        var assembly = typeof(TriageAssets).Assembly;
        const string prefix = Route + "/";
        var assets = new Dictionary<string, TriageAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            if (!Types.TryGetValue(Path.GetExtension(name), out var type))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            assets[name] = new TriageAsset(name, type, copy.ToArray());
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
