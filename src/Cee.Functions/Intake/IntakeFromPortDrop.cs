using Azure.Storage.Blobs;
using Cee.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Cee.Functions.Intake;

/// <summary>Event Grid tells us a port dropped a blob; <see cref="DropIntakeTrigger"/> decides what to start.</summary>
public sealed class IntakeFromPortDrop(DropIntakeTrigger trigger)
{
    /// <summary>The function name infrastructure subscribes Event Grid to (<c>functionName=Host.Functions.IntakeFromPortDrop</c>).</summary>
    public const string Name = "IntakeFromPortDrop";

    public const string BlobPath = StorageLayout.PortDrops + "/{port}/{name}";

    /// <summary>The app setting (prefix) of the storage account holding <c>port-drops</c>.</summary>
    public const string Connection = "PortDrops";

    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger(BlobPath, Source = BlobTriggerSource.EventGrid, Connection = Connection)] BlobClient blob,
        string port,
        string name,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        await trigger.HandleAsync(blob, port, name, durable, cancellationToken);
}
