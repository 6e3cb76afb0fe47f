using Cee.Cli.Local.Output;
using Cee.Routing.Documents;
using Cee.Routing.Intake;

namespace Cee.Cli.Local;

/// <summary>
/// Stores decoded documents as <c>&lt;out&gt;/documents/&lt;documentId&gt;.&lt;type&gt;</c>. Bytes go to a
/// temporary file first (<see cref="OutputFolder"/>), renamed into place only when the reader
/// completes the document, and so before any ledger transition names it: an abandoned or
/// interrupted document never looks stored.
/// </summary>
public sealed class FolderDocumentSink(OutputFolder output) : IDocumentSink
{
    public const string Folder = "documents";

    public ValueTask<IDocumentTarget> OpenAsync(PendingDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var stream = output.CreateTemporary(OutputWriteKind.Document, out var temporary);
        return ValueTask.FromResult<IDocumentTarget>(new Target(output, stream, temporary));
    }

    /// <summary>The file extension of a detected type; <c>bin</c> for anything else.</summary>
    public static string ExtensionOf(string detectedType) => detectedType switch
    {
        "pdf" => "pdf",
        "tiff" => "tif",
        "jpeg" => "jpg",
        "png" => "png",
        _ => "bin",
    };

    private sealed class Target(OutputFolder output, FileStream stream, string temporary) : IDocumentTarget
    {
        private bool _completed;

        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            // The reader hands over decoded chunks of up to 48 KiB: one unbuffered synchronous write each.
            OutputFolder.Guard(OutputWriteKind.Document, temporary, () =>
            {
                stream.Write(bytes.Span);
                return true;
            });
            return ValueTask.CompletedTask;
        }

        public async ValueTask<string?> CompleteAsync(DecodedDocument document, CancellationToken cancellationToken)
        {
            await stream.DisposeAsync();
            var relative = $"{Folder}/{document.DocumentId}.{ExtensionOf(document.DetectedType)}";
            output.Commit(temporary, relative, OutputWriteKind.Document);
            _completed = true;
            return relative;
        }

        public async ValueTask AbandonAsync(Finding reason, CancellationToken cancellationToken) => await DisposeAsync();

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!_completed)
            {
                File.Delete(temporary);
            }
        }
    }
}
