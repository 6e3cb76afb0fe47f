using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Cee.Functions.Harness;
using Cee.Functions.Storage;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cee.Benchmarks;

/// <summary>
/// Issue 12: a bare document of 10 MB and of 100 MB read from Azurite by <see cref="BlobDropStore"/>
/// and streamed into <c>documents/</c> by the block-staging sink. Measured as the DIS memory check
/// measures: managed bytes allocated by the read, and the peak resident set above the set before it.
/// Bounded means about the same for both sizes: the document is never held whole (the read buffers
/// one 4 MiB range, the sink one 4 MiB block). Needs Azurite: <c>./eng/bench-engine.sh --blob-memory</c>.
/// </summary>
internal static class BlobMemoryCheck
{
    public static async Task RunAsync(TextWriter output)
    {
        var blobs = new BlobServiceClient(TestServiceEndpoints.AzuriteConnectionString(TestServiceEndpoints.RequireAzuriteBlob()));
        foreach (var container in new[] { StorageLayout.PortDrops, StorageLayout.Documents, StorageLayout.Quarantine })
        {
            await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync();
        }

        var store = new BlobDropStore(blobs, IntakeOptions.Default, new BlobQuarantine(blobs, TimeProvider.System, NullLogger<BlobQuarantine>.Instance), NullLogger<BlobDropStore>.Instance);
        output.WriteLine("document | allocated per read | peak RSS above baseline | time | stored");
        foreach (var size in new[] { 10_000_000, 100_000_000 })
        {
            var drop = await UploadAsync(blobs, size);

            // Warm up (JIT, pools, connections), then measure a second read from a clean heap.
            await store.OpenAsync(drop, CancellationToken.None);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var rssBefore = ProcessMemory.Status("VmRSS");
            var peakReset = ProcessMemory.TryResetPeak();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var result = await store.OpenAsync(drop, CancellationToken.None);
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var peak = ProcessMemory.Status("VmHWM");
            var stored = (await blobs.GetBlobContainerClient(StorageLayout.Documents).GetBlobClient(result.Documents.Single().Id).GetPropertiesAsync()).Value.ContentLength;
            var peakText = peakReset && peak is not null && rssBefore is not null
                ? string.Create(CultureInfo.InvariantCulture, $"{(peak.Value - rssBefore.Value) / 1024.0 / 1024.0:F1} MiB")
                : "n/a (no /proc/self/clear_refs)";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size / 1e6:F0} MB | {allocated / 1024.0 / 1024.0:F2} MiB | {peakText} | {clock.Elapsed.TotalMilliseconds:F0} ms ({size / 1e6 / clock.Elapsed.TotalSeconds:F0} MB/s) | {stored:N0} bytes, {result.Verdict}"));
        }
    }

    private static async Task<DropReference> UploadAsync(BlobServiceClient blobs, int size)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"2704/memory-{size}.pdf");
        var content = new byte[size];
        new Random(size).NextBytes(content);
        "%PDF-1.7\n"u8.CopyTo(content);
        var blob = blobs.GetBlobContainerClient(StorageLayout.PortDrops).GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string>
            {
                ["port"] = "2704", ["filer"] = "002", ["entryNumbers"] = "002-6110316-2", ["importerNumber"] = "12-345678900",
                ["documentLabel"] = "Commercial Invoice", ["cbpRequestId"] = "UNSOLICITED", ["lines"] = "8471.30.0100:1",
            },
        });
        var properties = (await blob.GetPropertiesAsync()).Value;
        return DropReference.For(StorageLayout.DropSource("2704", name[5..]), StorageLayout.ContentVersion(properties.ETag));
    }
}
