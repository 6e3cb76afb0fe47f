namespace Cee.Samples;

/// <summary>A generated load: the drop files (paths relative to the output folder) and how many of each kind.</summary>
/// <param name="Files">Drops under <c>drops/</c>, their manifests, and <c>accounts.json</c> and <c>requests.json</c>.</param>
/// <param name="Mix">How many drops of each kind were made, e.g. <c>entry-summary by account</c> → 6012.</param>
public sealed record GeneratedSet(IReadOnlyList<SampleFile> Files, IReadOnlyDictionary<string, int> Mix);
