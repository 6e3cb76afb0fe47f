using Cee.Routing.Documents;
using Cee.Routing.Intake;

namespace Cee.Cli.Local;

/// <summary>
/// Stores decoded documents as <c>&lt;out&gt;/documents/&lt;documentId&gt;.&lt;type&gt;</c>. Bytes go to a
/// <c>.partial</c> file first, renamed only when the reader completes the document, so an abandoned
/// or interrupted document never looks stored.
/// </summary>
public sealed class FolderDocumentSink(string outRoot) : IDocumentSink
{
    public const string Folder = "documents";

    private readonly string _directory = Path.Combine(outRoot, Folder);

    public ValueTask<IDocumentTarget> OpenAsync(PendingDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        Directory.CreateDirectory(_directory);
        var partial = Path.Combine(_directory, document.DocumentId + ".partial");
        return ValueTask.FromResult<IDocumentTarget>(new Target(_directory, partial));
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

    private sealed class Target(string directory, string partial) : IDocumentTarget
    {
        // Synchronous file handles: documents here are written on the routing thread, and on Linux an
        // asynchronous handle only moves each small write to the thread pool (measured slower).
        // Unbuffered too: the reader hands over decoded chunks of up to 48 KiB.
        private readonly FileStream _stream = new(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.None);
        private bool _completed;

        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
            _stream.WriteAsync(bytes, cancellationToken);

        public async ValueTask<string?> CompleteAsync(DecodedDocument document, CancellationToken cancellationToken)
        {
            await _stream.DisposeAsync();
            var name = $"{document.DocumentId}.{ExtensionOf(document.DetectedType)}";
            File.Move(partial, Path.Combine(directory, name), overwrite: true);
            _completed = true;
            return $"{Folder}/{name}";
        }

        public async ValueTask AbandonAsync(Finding reason, CancellationToken cancellationToken)
        {
            await _stream.DisposeAsync();
            File.Delete(partial);
        }

        public async ValueTask DisposeAsync()
        {
            await _stream.DisposeAsync();
            if (!_completed)
            {
                File.Delete(partial);
            }
        }
    }
}
