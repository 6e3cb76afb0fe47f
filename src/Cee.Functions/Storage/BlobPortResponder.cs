using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Ports;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Storage;

/// <summary>
/// Stores each answer to a port at <c>port-responses/{port}/{drop name}{suffix}</c>, beside where the
/// port dropped it (<c>port-drops/{port}/{drop name}</c>), so each port reads only its own prefix. One
/// Put Blob, overwriting: a reader sees the old answer or the new one, never half of one, and a
/// repeated activity writes the same bytes again (the answer is built from the ledger, not the clock).
/// </summary>
public sealed class BlobPortResponder(BlobServiceClient blobs, ILogger<BlobPortResponder> logger) : IPortResponder
{
    public async Task WriteAsync(PortResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var name = StorageLayout.ResponseBlobName(response.Source, response.Suffix);
        await blobs.GetBlobContainerClient(StorageLayout.PortResponses).GetBlobClient(name).UploadAsync(
            BinaryData.FromString(response.Xml),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml; charset=utf-8" } },
            cancellationToken);
        logger.LogInformation("Answered drop {DropId} with a {Kind} response {MessageId} at {Container}/{Blob}",
            response.DropId, response.Kind, response.MessageId, StorageLayout.PortResponses, name);
    }
}
