namespace Cee.Routing.Intake;

/// <summary>
/// What a port said about a bare document besides its bytes: a sidecar manifest file
/// (<c>&lt;file&gt;.cee.json</c>) or the same keys as blob metadata. When both are given the sidecar
/// wins. A DIS package carries its own facts, so intake ignores both beside one (with an info finding).
/// </summary>
/// <remarks>
/// Keys: <c>port</c>, <c>filer</c>, <c>entryNumbers</c>, <c>importerNumber</c>, <c>documentLabel</c>,
/// <c>cbpRequestId</c>, <c>lines</c>. In blob metadata, arrays are comma-separated
/// (<c>entryNumbers=002-6110316-2,002-6110317-0</c>) and lines are <c>hts:line</c> pairs
/// (<c>lines=8471.30.0100:1,8703.23.0190:2</c>); keys match without regard to case and other
/// metadata is ignored. See docs/intake.md.
/// </remarks>
public sealed record DropMetadata
{
    /// <summary>The sidecar manifest's bytes (UTF-8 JSON). Pass at most <see cref="IntakeOptions.MaxManifestBytes"/> + 1 bytes: more is refused anyway.</summary>
    public ReadOnlyMemory<byte>? ManifestJson { get; init; }

    /// <summary>The sidecar's name, for messages (e.g. <c>invoice.pdf.cee.json</c>).</summary>
    public string? ManifestName { get; init; }

    /// <summary>The blob's metadata.</summary>
    public IReadOnlyDictionary<string, string>? BlobMetadata { get; init; }

    public static DropMetadata FromManifestJson(ReadOnlyMemory<byte> json, string manifestName) =>
        new() { ManifestJson = json, ManifestName = manifestName };

    public static DropMetadata FromBlobMetadata(IReadOnlyDictionary<string, string> metadata) =>
        new() { BlobMetadata = metadata };

    /// <summary>True when nothing was supplied: no sidecar and no metadata key intake knows.</summary>
    public bool IsEmpty => ManifestJson is null && !DropManifestParser.HasKnownKey(BlobMetadata);
}
