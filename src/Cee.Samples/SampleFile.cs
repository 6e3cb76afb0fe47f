namespace Cee.Samples;

/// <summary>A file of the committed sample set, by its path relative to <c>samples/</c>.</summary>
public sealed record SampleFile(string Path, byte[] Content);
