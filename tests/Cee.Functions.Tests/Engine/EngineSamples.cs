using Cee.Functions.Harness.Engine;
using Cee.Functions.Intake;
using Cee.Functions.Storage;
using Cee.Tests;

namespace Cee.Functions.Tests.Engine;

/// <summary>Putting the committed samples (samples/drops) into the engine's Azurite, the way a port does.</summary>
internal static class EngineSamples
{
    public static string DropsFolder => RepositoryPaths.Combine("samples", "drops");

    public static byte[] Read(string path) => File.ReadAllBytes(Path.Combine(DropsFolder, path));

    /// <summary>
    /// Uploads a sample (its sidecar manifest first, as ports are asked to), delivers a BlobCreated for
    /// each blob uploaded, and returns the document's trigger result (its drop has been scheduled).
    /// </summary>
    public static async Task<DropTriggerResult> DropAsync(EngineHarness harness, string path, string? asPath = null)
    {
        asPath ??= path;
        var manifest = Path.Combine(DropsFolder, StorageLayout.ManifestFor(path));
        if (File.Exists(manifest))
        {
            await harness.UploadDropAsync(StorageLayout.ManifestFor(asPath), await File.ReadAllBytesAsync(manifest));
            var ignored = await harness.DeliverBlobCreatedAsync(StorageLayout.ManifestFor(asPath));
            Assert.Equal(DropTriggerOutcome.ManifestIgnored, ignored.Outcome);
        }

        await harness.UploadDropAsync(asPath, Read(path));
        return await harness.DeliverBlobCreatedAsync(asPath);
    }

    /// <summary><see cref="DropAsync"/>, then waits until the drop has settled (completed, or waiting for a person).</summary>
    public static async Task<string> RouteAsync(EngineHarness harness, string path, string? asPath = null)
    {
        var result = await DropAsync(harness, path, asPath);
        Assert.Equal(DropTriggerOutcome.Started, result.Outcome);
        var dropId = result.Drop!.DropId;
        await harness.WaitForSettledAsync(dropId, EngineTimeouts.Settle);
        return dropId;
    }
}
