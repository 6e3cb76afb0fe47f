using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Cee.Functions.Storage;

/// <summary>Reads that treat a missing blob as an answer, not an error.</summary>
public static class BlobReads
{
    /// <summary>The blob's properties, or null when it does not exist.</summary>
    public static async Task<BlobProperties?> TryGetPropertiesAsync(this BlobClient blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
