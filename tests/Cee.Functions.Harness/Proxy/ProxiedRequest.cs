namespace Cee.Functions.Harness.Proxy;

/// <summary>One request that went through a <see cref="FaultProxy"/>: what was asked, what came back, whether it was a fault.</summary>
/// <param name="Service">The proxy's name (<c>blob</c>, <c>cosmos</c>).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, e.g. <c>/devstoreaccount1/port-drops/2704/a.xml</c> or <c>/dbs/cee/colls/ledger/docs/d1-001</c>.</param>
/// <param name="Query">The query string with its <c>?</c>, or empty.</param>
/// <param name="Status">The status the client got.</param>
/// <param name="InjectedBy">The fault rule that answered (or replaced the answer), or null for the service's own answer.</param>
public sealed record ProxiedRequest(string Service, string Method, string Path, string Query, int Status, string? InjectedBy)
{
    /// <summary>
    /// What the request touched: the container for Blob (<c>port-drops</c>, <c>documents</c>,
    /// <c>quarantine</c>) and Cosmos (<c>ledger</c>, <c>content-claims</c>, …), else the first segment.
    /// </summary>
    public string Resource => ResourceOf(Service, Path);

    public static string ResourceOf(string service, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (string.Equals(service, "cosmos", StringComparison.Ordinal))
        {
            var colls = Array.IndexOf(segments, "colls");
            return colls >= 0 && colls + 1 < segments.Length ? segments[colls + 1] : segments.Length > 0 ? segments[0] : "(account)";
        }

        // Blob paths are /{account}/{container}/{blob}.
        return segments.Length > 1 ? segments[1] : segments.Length > 0 ? segments[0] : "(account)";
    }
}
