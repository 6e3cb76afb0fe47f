using System.Text.Json.Serialization;
using Cee.Routing.Intake;

namespace Cee.Cli.Local;

/// <summary>The reasons file written beside a quarantined drop (and, for a drop not copied, in its place).</summary>
/// <param name="DropId">The drop's id.</param>
/// <param name="Source">The drop's path under the drops folder, SSN-like digits masked.</param>
/// <param name="ContentVersion">The file's version when it was read (see <see cref="DropFileStatus.Version"/>).</param>
/// <param name="Reasons">Why it was rejected.</param>
/// <param name="Size">Its size in bytes, as the folder listed it.</param>
/// <param name="Kept"><c>copy</c>: the drop's bytes are beside this file, byte for byte; <c>reference</c>: they are not
/// (a link, a pipe, a device, or a file over the package limit): <see cref="Source"/> and <see cref="Size"/> say what it was.</param>
public sealed record QuarantineReasons(
    [property: JsonPropertyName("dropId")] string DropId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("contentVersion")] string ContentVersion,
    [property: JsonPropertyName("reasons")] IReadOnlyList<Finding> Reasons,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("kept")] string Kept)
{
    public const string KeptCopy = "copy";
    public const string KeptReference = "reference";
}
