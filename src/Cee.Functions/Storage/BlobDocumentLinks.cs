using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace Cee.Functions.Storage;

/// <summary>
/// Document links as Blob SAS URIs: in Azure a <b>user delegation SAS</b>, signed with a key the app's
/// managed identity asks Storage for (the role Storage Blob Delegator; no account key exists), read
/// permission on the one blob, for <see cref="DocumentLinkLifetime.Value"/>, HTTPS only, with the
/// response's type and disposition fixed so the browser shows it (a PDF in its viewer, an image
/// inline). A link can never do more than the identity can (the documents container, read). Only
/// with a connection string (Azurite, locally) is it a service SAS signed with the account key.
/// </summary>
public sealed class BlobDocumentLinks(BlobServiceClient service, TimeProvider time) : IDocumentLinks
{
    public async Task<Uri?> ReadLinkAsync(string location, string contentType, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var parts = new BlobUriBuilder(uri);
        if (parts.BlobContainerName != StorageLayout.Documents || string.IsNullOrEmpty(parts.BlobName) ||
            !string.Equals(parts.AccountName, service.AccountName, StringComparison.Ordinal))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + DocumentLinkLifetime.Value)
        {
            BlobContainerName = parts.BlobContainerName,
            BlobName = parts.BlobName,
            Resource = "b",
            StartsOn = now - DocumentLinkLifetime.Skew,
            Protocol = uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            ContentType = contentType,
            ContentDisposition = "inline",
        };
        var blob = service.GetBlobContainerClient(parts.BlobContainerName).GetBlobClient(parts.BlobName);
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var key = await service.GetUserDelegationKeyAsync(
            new BlobGetUserDelegationKeyOptions(now + DocumentLinkLifetime.Value) { StartsOn = now - DocumentLinkLifetime.Skew }, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, service.AccountName) }.ToUri();
    }
}
