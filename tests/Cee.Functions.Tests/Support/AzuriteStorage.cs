using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Cee.Functions.Harness;
using Cee.Functions.Storage;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cee.Functions.Tests.Support;

/// <summary>
/// The Blob adapters over Azurite (eng/services.sh starts it): a client straight to it for
/// arranging and asserting, and the adapters built over any endpoint (Azurite itself, or a fault
/// proxy in front of it). Blob names are unique per test, so nothing depends on what ran before.
/// </summary>
internal sealed class AzuriteStorage
{
    private AzuriteStorage(Uri endpoint, BlobServiceClient blobs)
    {
        Endpoint = endpoint;
        Blobs = blobs;
    }

    public Uri Endpoint { get; }

    public BlobServiceClient Blobs { get; }

    public BlobContainerClient PortDrops => Blobs.GetBlobContainerClient(StorageLayout.PortDrops);

    public BlobContainerClient Documents => Blobs.GetBlobContainerClient(StorageLayout.Documents);

    public BlobContainerClient QuarantineContainer => Blobs.GetBlobContainerClient(StorageLayout.Quarantine);

    public static async Task<AzuriteStorage> OpenAsync()
    {
        var endpoint = TestServiceEndpoints.RequireAzuriteBlob();
        var storage = new AzuriteStorage(endpoint, Client(endpoint));
        foreach (var container in new[] { storage.PortDrops, storage.Documents, storage.QuarantineContainer })
        {
            await container.CreateIfNotExistsAsync();
        }

        return storage;
    }

    /// <summary>A client of the development account at <paramref name="endpoint"/>; quick retries, so a test of a failure does not wait seconds for it.</summary>
    public static BlobServiceClient Client(Uri endpoint)
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxRetries = 2;
        return new BlobServiceClient(TestServiceEndpoints.AzuriteConnectionString(endpoint), options);
    }

    public static string UniqueName(string extension) => $"t{Guid.NewGuid():N}"[..13] + extension;

    public static BlobDropStore DropStore(BlobServiceClient blobs) =>
        new(blobs, IntakeOptions.Default, Quarantine(blobs), NullLogger<BlobDropStore>.Instance);

    public static BlobQuarantine Quarantine(BlobServiceClient blobs) => new(blobs, TimeProvider.System, NullLogger<BlobQuarantine>.Instance);

    /// <summary>Uploads <c>port-drops/{port}/{name}</c> and returns the drop the trigger would schedule for what is there now.</summary>
    public async Task<DropReference> UploadAsync(string port, string name, byte[] content, IDictionary<string, string>? metadata = null, string? contentType = null)
    {
        var blob = PortDrops.GetBlobClient($"{port}/{name}");
        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions { Metadata = metadata, HttpHeaders = new BlobHttpHeaders { ContentType = contentType } });
        return await DropOfAsync(port, name);
    }

    /// <summary>The drop for the blob's current content version, as <c>DropIntakeTrigger</c> computes it.</summary>
    public async Task<DropReference> DropOfAsync(string port, string name)
    {
        var properties = (await PortDrops.GetBlobClient($"{port}/{name}").GetPropertiesAsync()).Value;
        return DropReference.For(StorageLayout.DropSource(port, name), StorageLayout.ContentVersion(properties.ETag));
    }

    /// <summary>A bare PDF of <paramref name="size"/> bytes: the PDF header, then deterministic scan-like bytes.</summary>
    public static byte[] LargePdf(int size, int seed = 7)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>The manifest of a bare commercial invoice of the Electronics account, as blob metadata (docs: README, "Bare documents").</summary>
    public static Dictionary<string, string> InvoiceMetadata() => new()
    {
        ["port"] = "2704",
        ["filer"] = "002",
        ["entryNumbers"] = "002-6110316-2",
        ["importerNumber"] = "12-345678900",
        ["documentLabel"] = "Commercial Invoice",
        ["cbpRequestId"] = "UNSOLICITED",
        ["lines"] = "8471.30.0100:1,8471.41.0150:2",
    };
}
