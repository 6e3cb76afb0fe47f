using System.Text.Json.Serialization;

namespace Cee.Routing.Drops;

/// <summary>
/// The identity of a drop as the host saw it, before anything was read: the workflow's input.
/// </summary>
/// <param name="DropId">Deterministic id from <paramref name="Source"/> and <paramref name="ContentVersion"/> (<see cref="DropIds.Compute"/>).
/// The Functions app uses it as the orchestration instance id, so a second Event Grid delivery starts nothing.</param>
/// <param name="Source">Where the drop is, e.g. <c>port-drops/2704/entry-0026110316.xml</c> or a path relative to the folder <c>cee route</c> reads.</param>
/// <param name="ContentVersion">What identifies this content of <paramref name="Source"/> before reading it: the blob's Content-MD5 or ETag, or the file's SHA-256.</param>
public sealed record DropReference(
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("contentVersion")] string ContentVersion)
{
    /// <summary>A reference with its id computed from the source and the content version.</summary>
    public static DropReference For(string source, string contentVersion) =>
        new(DropIds.Compute(source, contentVersion), source, contentVersion);
}
