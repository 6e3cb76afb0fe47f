namespace Cee.Routing.Dis;

/// <summary>
/// The limits the DIS reader enforces so that a hostile or broken package ends quickly, in bounded
/// memory, with a specific finding. Every default is documented in docs/intake.md.
/// </summary>
public sealed record DisReaderOptions
{
    private const long MiB = 1024 * 1024;

    /// <summary>The defaults below.</summary>
    public static DisReaderOptions Default { get; } = new();

    /// <summary>
    /// Bytes of input read at most (default 150 MiB). The DIS message-queue channel carries at most
    /// 100 MB per message; the other channels are not documented, so half again as much is allowed.
    /// </summary>
    public long MaxPackageBytes { get; init; } = 150 * MiB;

    /// <summary>DocumentData elements at most (default 100).</summary>
    public int MaxDocuments { get; init; } = 100;

    /// <summary>Element nesting at most (default 32; a DIS package nests about 11 deep).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Characters of one text node, attribute value or CDATA section outside DocumentObject (default 64 KiB).</summary>
    public int MaxTextChars { get; init; } = 64 * 1024;

    /// <summary>
    /// Bytes of one tag, its name and attributes, at most (default 64 KiB). XmlReader holds a tag whole,
    /// so without this a single giant name or attribute list could fill memory.
    /// </summary>
    public int MaxMarkupBytes { get; init; } = 64 * 1024;

    /// <summary>Decoded bytes of one document at most (default 100 MiB, about what 150 MiB of Base64 holds).</summary>
    public long MaxDocumentBytes { get; init; } = 100 * MiB;

    /// <summary>Repeated elements kept at most per package: entries, links, commodity lines, agencies (default 10,000).</summary>
    public int MaxRepeatedElements { get; init; } = 10_000;

    /// <summary>What is wrong with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxPackageBytes < 1)
        {
            problems.Add("MaxPackageBytes must be positive.");
        }

        if (MaxDocuments < 1)
        {
            problems.Add("MaxDocuments must be at least 1.");
        }

        if (MaxDepth < 8)
        {
            problems.Add("MaxDepth must be at least 8: a DIS package nests that deep before any optional data.");
        }

        if (MaxTextChars < 256)
        {
            problems.Add("MaxTextChars must be at least 256.");
        }

        if (MaxMarkupBytes < 256)
        {
            problems.Add("MaxMarkupBytes must be at least 256.");
        }

        if (MaxDocumentBytes < 1)
        {
            problems.Add("MaxDocumentBytes must be positive.");
        }

        if (MaxRepeatedElements < 1)
        {
            problems.Add("MaxRepeatedElements must be at least 1.");
        }

        return problems;
    }
}
