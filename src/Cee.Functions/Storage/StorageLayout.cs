using Azure;
using Cee.Routing.Drops;

namespace Cee.Functions.Storage;

/// <summary>
/// The containers and blob names of the storage layout (docs/configuration.md), and how a blob's
/// identity becomes a drop's content version, in one place.
/// </summary>
public static class StorageLayout
{
    public const string PortDrops = "port-drops";
    public const string Documents = "documents";
    public const string Quarantine = "quarantine";

    /// <summary>The answers to the ports (DIS MessageValidationResponse, DocumentReviewResponse), at <c>{port}/{drop name}{suffix}</c>.</summary>
    public const string PortResponses = "port-responses";

    /// <summary>A sidecar manifest is the document's blob name plus this suffix, beside it.</summary>
    public const string ManifestSuffix = ".cee.json";

    /// <summary>A quarantined blob's reasons, in full, beside it.</summary>
    public const string ReasonsSuffix = ".reasons.json";

    // A drop re-opened because its manifest came after it: "<document version>+manifest:<manifest version>".
    private const string ManifestVersionSeparator = "+manifest:";

    /// <summary>The drop's source, e.g. <c>port-drops/2704/entry-0026110316.xml</c>.</summary>
    public static string DropSource(string port, string name) => $"{PortDrops}/{port}/{name}";

    /// <summary>The blob name inside <c>port-drops</c> of a drop's source, e.g. <c>2704/entry-0026110316.xml</c>.</summary>
    public static string DropBlobName(DropReference drop)
    {
        ArgumentNullException.ThrowIfNull(drop);
        const string prefix = PortDrops + "/";
        return drop.Source.StartsWith(prefix, StringComparison.Ordinal) && drop.Source.Length > prefix.Length
            ? drop.Source[prefix.Length..]
            : throw new ArgumentException($"Drop {drop.DropId} comes from '{drop.Source}', not from the {PortDrops} container.", nameof(drop));
    }

    /// <summary>
    /// The blob name inside <c>port-responses</c> of the answer to the drop at <paramref name="source"/>:
    /// its name inside <c>port-drops</c> (so <c>{port}/…</c>) followed by <paramref name="suffix"/>.
    /// </summary>
    public static string ResponseBlobName(string source, string suffix)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(suffix);
        const string prefix = PortDrops + "/";
        return source.StartsWith(prefix, StringComparison.Ordinal) && source.Length > prefix.Length
            ? source[prefix.Length..] + suffix
            : throw new ArgumentException($"The drop at '{source}' did not come from the {PortDrops} container; there is no port to answer.", nameof(source));
    }

    public static bool IsSidecarManifest(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        return blobName.EndsWith(ManifestSuffix, StringComparison.OrdinalIgnoreCase) && blobName.Length > ManifestSuffix.Length;
    }

    /// <summary>The sidecar manifest's blob name for a document, e.g. <c>2704/invoice.pdf.cee.json</c>.</summary>
    public static string ManifestFor(string documentBlobName) => documentBlobName + ManifestSuffix;

    /// <summary>The document a sidecar manifest describes.</summary>
    public static string DocumentFor(string manifestBlobName) =>
        IsSidecarManifest(manifestBlobName)
            ? manifestBlobName[..^ManifestSuffix.Length]
            : throw new ArgumentException($"'{manifestBlobName}' is not a sidecar manifest (*{ManifestSuffix}).", nameof(manifestBlobName));

    /// <summary>
    /// What identifies a blob's content before reading it: the Base64 Content-MD5 when the service
    /// has one (the same bytes give the same value, whenever uploaded), else the ETag (which changes
    /// on every write).
    /// </summary>
    public static string ContentVersion(byte[]? contentMd5, ETag etag) =>
        contentMd5 is { Length: > 0 } ? Convert.ToBase64String(contentMd5) : etag.ToString();

    /// <summary>The content version of a document re-opened because its manifest arrived after it.</summary>
    public static string WithManifest(string documentVersion, string manifestVersion) =>
        documentVersion + ManifestVersionSeparator + manifestVersion;

    /// <summary>True when a drop's content version (possibly with a manifest part) names this content of the blob.</summary>
    public static bool IsVersionOf(string contentVersion, byte[]? contentMd5, ETag etag)
    {
        ArgumentNullException.ThrowIfNull(contentVersion);
        var separator = contentVersion.IndexOf(ManifestVersionSeparator, StringComparison.Ordinal);
        var documentVersion = separator < 0 ? contentVersion : contentVersion[..separator];
        return string.Equals(documentVersion, ContentVersion(contentMd5, etag), StringComparison.Ordinal);
    }
}
