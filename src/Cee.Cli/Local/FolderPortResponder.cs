using System.Text;
using Cee.Cli.Local.Output;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Ports;

namespace Cee.Cli.Local;

/// <summary>
/// Answers the port of <c>cee route</c> by writing each DIS answer to
/// <c>&lt;out&gt;/responses/&lt;source&gt;&lt;suffix&gt;</c> (the drop's path relative to the folder routed, then
/// <c>.response.xml</c> or <c>.review.xml</c>), whole or not at all (<see cref="OutputFolder.WriteAtomically"/>:
/// a temporary file renamed into place). The same answer replaces the same file with the same bytes.
/// </summary>
public sealed class FolderPortResponder(OutputFolder output) : IPortResponder
{
    public const string Folder = "responses";

    // ".999.review.xml": every answer of one drop is named from the same shortened name.
    private const int LongestSuffix = 15;

    public Task WriteAsync(PortResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        // An answer is a few KB: one synchronous write, as for topic messages.
        output.WriteAtomically(PathOf(response), Encoding.UTF8.GetBytes(response.Xml), OutputWriteKind.PortResponse);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Where <paramref name="response"/> goes, relative to the output folder. The source is named as
    /// quarantine names it (SSN-like digits masked, an over-long name shortened with a hash), so a path
    /// never carries what the answer itself masks.
    /// </summary>
    public static string PathOf(PortResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return $"{Folder}/{QuarantineNames.For(response.Source, LongestSuffix)}{response.Suffix}";
    }
}
