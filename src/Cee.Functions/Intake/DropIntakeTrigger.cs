using Azure.Storage.Blobs;
using Cee.Functions.Storage;
using Cee.Routing.Drops;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Intake;

/// <summary>
/// Turns a blob-created event in <c>port-drops</c> into at most one routing orchestration: the drop
/// id (the instance id) comes from the blob's path and content version, so a repeated delivery of
/// the same event finds its instance and starts nothing.
/// <para>
/// Sidecar manifests (<c>*.cee.json</c>) are read with their document, never routed alone. Ports
/// are asked to upload the manifest first; when one arrives after its document anyway (it is newer
/// than the document), the document is routed again under a content version that includes the
/// manifest's, so the run that missed the manifest is not the last word. If that first run had
/// routed the document, the new run reports it as a duplicate and publishes nothing; if it had
/// rejected the document for missing metadata, the new run routes it.
/// </para>
/// </summary>
public sealed class DropIntakeTrigger(BlobServiceClient blobs, DropScheduler scheduler, ILogger<DropIntakeTrigger> logger)
{
    public async Task<DropTriggerResult> HandleAsync(BlobClient blob, string port, string name, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var (drop, outcome) = await ResolveAsync(blob, port, name, cancellationToken);
        return drop is null
            ? new DropTriggerResult(outcome, null)
            : await scheduler.ScheduleAsync(durable, drop, cancellationToken);
    }

    /// <summary>
    /// The drop a blob-created event for <c>{port}/{name}</c> names, as the trigger computes it; null
    /// (with the reason) for a sidecar manifest read with its document, or a blob that is gone. The
    /// reconciler uses it for blobs no event started.
    /// </summary>
    public async Task<(DropReference? Drop, DropTriggerOutcome Outcome)> ResolveAsync(BlobClient blob, string port, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentException.ThrowIfNullOrEmpty(port);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (StorageLayout.IsSidecarManifest(name))
        {
            return await ResolveManifestAsync(blob, port, name, cancellationToken);
        }

        var properties = await blob.TryGetPropertiesAsync(cancellationToken);
        if (properties is null)
        {
            logger.LogWarning("Drop {Port}/{Name} no longer exists; nothing to route", port, name);
            return (null, DropTriggerOutcome.BlobGone);
        }

        return (DropReference.For(StorageLayout.DropSource(port, name), StorageLayout.ContentVersion(properties.ETag)), DropTriggerOutcome.Started);
    }

    private async Task<(DropReference? Drop, DropTriggerOutcome Outcome)> ResolveManifestAsync(BlobClient manifest, string port, string name, CancellationToken cancellationToken)
    {
        var documentName = StorageLayout.DocumentFor(name);
        var document = await blobs.GetBlobContainerClient(StorageLayout.PortDrops)
            .GetBlobClient($"{port}/{documentName}")
            .TryGetPropertiesAsync(cancellationToken);
        var manifestProperties = document is null ? null : await manifest.TryGetPropertiesAsync(cancellationToken);
        if (document is null || manifestProperties is null || manifestProperties.LastModified <= document.LastModified)
        {
            logger.LogDebug("Sidecar manifest {Port}/{Name} is read with its document {Document}; not routed alone", port, name, documentName);
            return (null, DropTriggerOutcome.ManifestIgnored);
        }

        var drop = DropReference.For(
            StorageLayout.DropSource(port, documentName),
            StorageLayout.WithManifest(
                StorageLayout.ContentVersion(document.ETag),
                StorageLayout.ContentVersion(manifestProperties.ETag)));
        logger.LogInformation(
            "Sidecar manifest {Port}/{Name} arrived after its document: routing {Source} again with it as {DropId}", port, name, drop.Source, drop.DropId);
        return (drop, DropTriggerOutcome.Started);
    }
}
