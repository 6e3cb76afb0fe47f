using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Moq;

namespace Cee.Functions.Tests.Support;

/// <summary>Mocked Blob Storage clients: BlobClient, BlobContainerClient and BlobServiceClient have protected constructors for this.</summary>
internal static class Blobs
{
    public static readonly DateTimeOffset Uploaded = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);

    public static BlobProperties Properties(
        byte[]? contentHash = null,
        string etag = "\"0x8DE2A0B1C2D3E4F\"",
        DateTimeOffset? lastModified = null,
        IDictionary<string, string>? metadata = null,
        string contentType = "application/xml") =>
        BlobsModelFactory.BlobProperties(
            lastModified: lastModified ?? Uploaded,
            contentHash: contentHash,
            eTag: new ETag(etag),
            metadata: metadata ?? new Dictionary<string, string>(),
            contentType: contentType);

    public static Mock<BlobClient> Existing(BlobProperties properties)
    {
        var blob = new Mock<BlobClient>();
        blob.Setup(b => b.GetPropertiesAsync(It.IsAny<BlobRequestConditions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(properties, Mock.Of<Response>()));
        return blob;
    }

    public static Mock<BlobClient> Missing()
    {
        var blob = new Mock<BlobClient>();
        blob.Setup(b => b.GetPropertiesAsync(It.IsAny<BlobRequestConditions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(NotFound());
        blob.Setup(b => b.OpenReadAsync(It.IsAny<BlobOpenReadOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(NotFound());
        return blob;
    }

    private static RequestFailedException NotFound() => new(404, "The specified blob does not exist.", "BlobNotFound", null);

    /// <summary>A service whose containers hand out the given blobs by name.</summary>
    public static Mock<BlobServiceClient> Service(IDictionary<string, Mock<BlobContainerClient>> containers)
    {
        var service = new Mock<BlobServiceClient>();
        foreach (var (name, container) in containers)
        {
            service.Setup(s => s.GetBlobContainerClient(name)).Returns(container.Object);
        }

        return service;
    }

    public static Mock<BlobContainerClient> Container(IDictionary<string, Mock<BlobClient>> blobs)
    {
        var container = new Mock<BlobContainerClient>();
        foreach (var (name, blob) in blobs)
        {
            container.Setup(c => c.GetBlobClient(name)).Returns(blob.Object);
        }

        return container;
    }
}
