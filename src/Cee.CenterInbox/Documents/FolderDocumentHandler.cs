using System.Text;
using Cee.Routing.Messages;

namespace Cee.CenterInbox.Documents;

/// <summary>
/// Writes each document's routed-document record to <c>&lt;folder&gt;/&lt;session&gt;/&lt;documentId&gt;.json</c>
/// and a withdrawal of it beside it, to <c>&lt;documentId&gt;.withdrawal.json</c>, whole or not at all
/// (a temporary file, then a rename), the same bytes again on a redelivery. A container of the
/// Center's choosing is a folder mounted there (Azure Files, a blob container through BlobFuse), or
/// another <see cref="ICenterDocumentHandler"/>.
/// </summary>
public sealed class FolderDocumentHandler(string folder) : ICenterDocumentHandler
{
    /// <summary>What follows the document id in the name of a withdrawal's file.</summary>
    public const string WithdrawalSuffix = ".withdrawal.json";

    public Task HandleAsync(RoutedDocumentMessage document, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return WriteAsync(sessionId, SafeName(document.DocumentId) + ".json", ContractJson.Serialize(document), cancellationToken);
    }

    // A withdrawal can come before its document was ever kept (the document's message dead-lettered,
    // or taken by another Center's inbox before a transfer): the file is written anyway, so the
    // Center finds the withdrawal whenever the document turns up.
    public Task WithdrawAsync(WithdrawalMessage withdrawal, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        return WriteAsync(sessionId, SafeName(withdrawal.DocumentId) + WithdrawalSuffix, ContractJson.Serialize(withdrawal), cancellationToken);
    }

    /// <summary>A path segment from an id: letters, digits, '-' and '_' kept, anything else (a dot, a slash) '_' (an entry number keeps its dashes).</summary>
    public static string SafeName(string value)
    {
        var name = string.Concat((value ?? string.Empty).Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_'));
        return name.Length == 0 ? "_" : name;
    }

    private async Task WriteAsync(string sessionId, string fileName, string json, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, SafeName(sessionId), fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".tmp";
        await File.WriteAllTextAsync(temporary, json, Encoding.UTF8, cancellationToken);
        File.Move(temporary, target, overwrite: true);
    }
}
