namespace Cee.Functions.Storage;

/// <summary>Short-lived, read-only links to stored documents, for a reviewer's browser to open.</summary>
public interface IDocumentLinks
{
    /// <summary>
    /// A link that reads the document stored at <paramref name="location"/> (its blob URI in the
    /// <c>documents</c> container) for <see cref="DocumentLinkLifetime"/>, shown inline with
    /// <paramref name="contentType"/>; null when the location is not a blob of that container.
    /// </summary>
    Task<Uri?> ReadLinkAsync(string location, string contentType, CancellationToken cancellationToken);
}
