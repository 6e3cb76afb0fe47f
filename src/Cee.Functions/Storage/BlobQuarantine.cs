using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Messages;
using Microsoft.Extensions.Logging;

namespace Cee.Functions.Storage;

/// <summary>
/// Keeps a rejected drop in <c>quarantine/{port}/{name}</c>, byte for byte, with its reasons in
/// metadata (<see cref="QuarantineMetadata"/>) and in full in <c>{name}.reasons.json</c> beside it.
/// Nothing is overwritten: a second rejected drop at the same path is kept beside the first as
/// <c>{name}.{dropId}</c>; a repeated call for the same drop finds its copy and rewrites only the
/// reasons. If the port replaced or deleted the blob before the quarantine, only the reasons are
/// kept and the note says why (the replacing content is a drop of its own).
/// </summary>
public sealed class BlobQuarantine(BlobServiceClient blobs, TimeProvider time, ILogger<BlobQuarantine> logger)
{
    public async Task<QuarantineNote> KeepAsync(DropReference drop, IReadOnlyList<Finding> reasons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentNullException.ThrowIfNull(reasons);
        var blobName = StorageLayout.DropBlobName(drop);
        var source = blobs.GetBlobContainerClient(StorageLayout.PortDrops).GetBlobClient(blobName);
        var quarantine = blobs.GetBlobContainerClient(StorageLayout.Quarantine);

        var properties = await source.TryGetPropertiesAsync(cancellationToken);
        string? copy = null;
        string? note = null;
        if (properties is null)
        {
            note = "the drop was deleted before it could be quarantined; only its reasons are kept";
        }
        else if (!StorageLayout.IsVersionOf(drop.ContentVersion, properties.ETag))
        {
            note = "the drop was replaced by newer content before it could be quarantined; only its reasons are kept (the newer content is routed as a drop of its own)";
        }
        else
        {
            copy = await CopyAsync(source, properties, quarantine, blobName, drop, reasons, cancellationToken);
        }

        var record = new QuarantineNote(
            QuarantineNote.SchemaName, QuarantineNote.CurrentVersion, drop.DropId, drop.Source, drop.ContentVersion,
            time.GetUtcNow(), copy, copy is not null, note, reasons);
        await quarantine.GetBlobClient((copy ?? blobName) + StorageLayout.ReasonsSuffix).UploadAsync(
            BinaryData.FromString(ContractJson.Serialize(record)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);

        if (copy is null)
        {
            logger.LogWarning("Rejected drop {DropId} ({Source}) could not be copied to quarantine: {Note}", drop.DropId, drop.Source, note);
        }
        else
        {
            logger.LogInformation("Rejected drop {DropId} ({Source}) kept as {Quarantine}/{Blob} with {Reasons} reason(s)", drop.DropId, drop.Source, StorageLayout.Quarantine, copy, reasons.Count);
        }

        return record;
    }

    private static async Task<string> CopyAsync(
        BlobClient source, BlobProperties properties, BlobContainerClient quarantine, string blobName,
        DropReference drop, IReadOnlyList<Finding> reasons, CancellationToken cancellationToken)
    {
        if (await TryCopyAsync(source, properties, quarantine.GetBlobClient(blobName), blobName, drop, reasons, cancellationToken))
        {
            return blobName;
        }

        // Something is already kept at this path: this drop (an earlier attempt), or another drop.
        var existing = await quarantine.GetBlobClient(blobName).TryGetPropertiesAsync(cancellationToken);
        if (existing is not null && existing.Metadata.TryGetValue(QuarantineMetadata.DropIdKey, out var keptDropId) &&
            string.Equals(keptDropId, drop.DropId, StringComparison.Ordinal))
        {
            return blobName;
        }

        // The name includes the drop id, so if it exists, an earlier attempt of this drop wrote it.
        var beside = $"{blobName}.{drop.DropId}";
        await TryCopyAsync(source, properties, quarantine.GetBlobClient(beside), beside, drop, reasons, cancellationToken);
        return beside;
    }

    // Creates the copy only if nothing is at the target yet; false when something is.
    private static async Task<bool> TryCopyAsync(
        BlobClient source, BlobProperties properties, BlobClient target, string targetName,
        DropReference drop, IReadOnlyList<Finding> reasons, CancellationToken cancellationToken)
    {
        var read = new BlobOpenReadOptions(allowModifications: false) { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } };
        await using var content = await source.OpenReadAsync(read, cancellationToken);
        try
        {
            await target.UploadAsync(
                content,
                new BlobUploadOptions
                {
                    Metadata = QuarantineMetadata.For(drop, reasons, targetName + StorageLayout.ReasonsSuffix),
                    HttpHeaders = new BlobHttpHeaders { ContentType = properties.ContentType },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}
