using Cee.Routing.Documents;

namespace Cee.Routing.Dis;

/// <summary>
/// Reads a DIS <c>MessageEnvelope</c> (namespace <c>http://cbp.dhs.gov/DIS</c>) from a stream, streaming:
/// every DocumentObject is decoded from Base64 in chunks into the caller's <see cref="IDocumentSink"/>
/// and hashed on the way, so memory stays bounded whatever the documents' size, and the stream need
/// not be seekable. Hostile or broken input (a DTD, truncation, invalid Base64, a limit of
/// <see cref="DisReaderOptions"/> exceeded) ends in a specific finding, never an exception.
/// </summary>
/// <remarks>
/// Exceptions that are not the input's fault propagate: <see cref="OperationCanceledException"/>,
/// an I/O failure of the stream, or a failure of the sink. The reader is stateless and thread-safe;
/// one instance can read many packages at once.
/// </remarks>
public sealed class DisReader
{
    public DisReader(DisReaderOptions? options = null)
    {
        options ??= DisReaderOptions.Default;
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid DIS reader options: {string.Join(" ", problems)}", nameof(options));
        }

        Options = options;
    }

    public DisReaderOptions Options { get; }

    /// <summary>
    /// Reads one package. Documents are numbered in package order and get the ids
    /// <c>{dropId}-001</c>, <c>{dropId}-002</c>… (<see cref="Drops.DropIds.DocumentId"/>).
    /// </summary>
    /// <param name="content">The package as received; read once, front to back, and not disposed.</param>
    /// <param name="dropId">The drop's id (<see cref="Drops.DropReference.DropId"/>).</param>
    /// <param name="sink">Where decoded documents go (<see cref="NullDocumentSink.Instance"/> to only hash them).</param>
    public async Task<DisPackage> ReadAsync(Stream content, string dropId, IDocumentSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(dropId);
        ArgumentNullException.ThrowIfNull(sink);
        using var guard = new XmlGuardStream(content, Options, cancellationToken);
        using var session = new DisReadSession(guard, Options, dropId, sink, cancellationToken);
        return await session.RunAsync();
    }
}
