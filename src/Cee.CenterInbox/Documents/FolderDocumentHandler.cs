using System.Text;
using Cee.Routing.Messages;

namespace Cee.CenterInbox.Documents;

/// <summary>
/// Writes each document's routed-document record to <c>&lt;folder&gt;/&lt;session&gt;/&lt;documentId&gt;.json</c>,
/// whole or not at all (a temporary file, then a rename), the same bytes again on a redelivery. A
/// container of the Center's choosing is a folder mounted there (Azure Files, a blob container
/// through BlobFuse), or another <see cref="ICenterDocumentHandler"/>.
/// </summary>
public sealed class FolderDocumentHandler(string folder) : ICenterDocumentHandler
{
    public async Task HandleAsync(RoutedDocumentMessage document, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var target = Path.Combine(folder, SafeName(sessionId), SafeName(document.DocumentId) + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".tmp";
        await File.WriteAllTextAsync(temporary, ContractJson.Serialize(document), Encoding.UTF8, cancellationToken);
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>A path segment from an id: letters, digits, '-' and '_' kept, anything else (a dot, a slash) '_' (an entry number keeps its dashes).</summary>
    public static string SafeName(string value)
    {
        var name = string.Concat((value ?? string.Empty).Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_'));
        return name.Length == 0 ? "_" : name;
    }
}
