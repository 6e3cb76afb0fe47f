using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ports;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Storage;

/// <summary>
/// The drop store on Blob Storage: reads <c>port-drops/{port}/{name}</c> (the exact content version
/// the drop names, pinned by its ETag) with its sidecar manifest <c>{name}.cee.json</c> or its blob
/// metadata, runs the core intake (<see cref="DropIntake"/>) streaming every decoded document into
/// <c>documents/{documentId}</c> (<see cref="BlobDocumentSink"/>), and keeps rejected drops in
/// quarantine (<see cref="BlobQuarantine"/>).
/// </summary>
public sealed class BlobDropStore(
    BlobServiceClient blobs,
    IntakeOptions intakeOptions,
    BlobQuarantine quarantine,
    ILogger<BlobDropStore> logger) : IDropStore
{
    public async Task<IntakeResult> OpenAsync(DropReference drop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drop);
        var blobName = StorageLayout.DropBlobName(drop);
        var container = blobs.GetBlobContainerClient(StorageLayout.PortDrops);
        var blob = container.GetBlobClient(blobName);

        var properties = await blob.TryGetPropertiesAsync(cancellationToken);
        if (properties is null)
        {
            logger.LogWarning("Drop {DropId} ({Source}) was deleted before it could be read", drop.DropId, drop.Source);
            return UnreadDrop.Missing(drop);
        }

        if (!StorageLayout.IsVersionOf(drop.ContentVersion, properties.ETag))
        {
            logger.LogWarning("Drop {DropId} ({Source}) was replaced before it could be read; its new content is a drop of its own", drop.DropId, drop.Source);
            return UnreadDrop.Superseded(drop);
        }

        var metadata = await ReadMetadataAsync(container, blobName, properties, cancellationToken);
        Stream content;
        try
        {
            // Pinned to the version checked above: a replacement during the read fails it (412), and the retry finds it superseded.
            content = await blob.OpenReadAsync(
                new BlobOpenReadOptions(allowModifications: false) { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            logger.LogWarning("Drop {DropId} ({Source}) changed before it could be opened (HTTP {Status})", drop.DropId, drop.Source, ex.Status);
            return ex.Status == 404 ? UnreadDrop.Missing(drop) : UnreadDrop.Superseded(drop);
        }

        await using (content)
        {
            var sink = new BlobDocumentSink(blobs.GetBlobContainerClient(StorageLayout.Documents));
            var result = await DropIntake.ReadAsync(drop, content, metadata, sink, intakeOptions, cancellationToken);
            logger.LogInformation(
                "Drop {DropId} ({Source}) read: {Kind}, verdict {Verdict}, {Documents} document(s), {Findings} finding(s)",
                drop.DropId, drop.Source, result.Kind, result.Verdict, result.Documents.Count, result.Findings.Count);
            return result;
        }
    }

    public Task QuarantineAsync(DropReference drop, IReadOnlyList<Finding> reasons, CancellationToken cancellationToken) =>
        quarantine.KeepAsync(drop, reasons, cancellationToken);

    /// <summary>
    /// The sidecar manifest (at most <see cref="IntakeOptions.MaxManifestBytes"/> + 1 bytes: intake
    /// refuses a larger one with a finding) together with the blob's metadata; intake prefers the sidecar.
    /// </summary>
    private async Task<DropMetadata> ReadMetadataAsync(
        BlobContainerClient container, string blobName, BlobProperties properties, CancellationToken cancellationToken)
    {
        var blobMetadata = properties.Metadata is { } known ? new Dictionary<string, string>(known) : [];
        var manifestName = StorageLayout.ManifestFor(blobName);
        var limit = (int)Math.Min((long)intakeOptions.MaxManifestBytes + 1, Array.MaxLength);
        byte[] buffer;
        int length;
        try
        {
            var manifest = container.GetBlobClient(manifestName);
            await using var stream = await manifest.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = limit }, cancellationToken);
            buffer = new byte[limit];
            length = await stream.ReadAtLeastAsync(buffer, limit, throwOnEndOfStream: false, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return DropMetadata.FromBlobMetadata(blobMetadata);
        }

        return new DropMetadata
        {
            ManifestJson = buffer.AsMemory(0, length),
            ManifestName = manifestName[(manifestName.LastIndexOf('/') + 1)..],
            BlobMetadata = blobMetadata,
        };
    }
}
