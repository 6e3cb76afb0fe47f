namespace Cee.Routing.Intake;

/// <summary>A bare document's manifest after parsing: values as written, with where each came from.</summary>
internal sealed record DropManifest(
    ManifestValue? Port,
    ManifestValue? Filer,
    IReadOnlyList<ManifestValue> EntryNumbers,
    ImporterField? Importer,
    ManifestValue? DocumentLabel,
    ManifestValue? CbpRequestId,
    IReadOnlyList<ManifestLine> Lines);

/// <summary>One manifest value and its key path (e.g. <c>entryNumbers[1]</c>).</summary>
internal sealed record ManifestValue(string Text, string Path);

/// <summary>One manifest line: an HTS number and its optional entry line number, as written.</summary>
internal sealed record ManifestLine(string Hts, string? Line, string Path);
