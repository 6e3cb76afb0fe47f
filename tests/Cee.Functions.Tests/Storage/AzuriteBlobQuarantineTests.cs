using System.Text.Json;
using Cee.Functions.Storage;
using Cee.Functions.Tests.Engine;
using Cee.Functions.Tests.Support;
using Cee.Routing.Intake;

namespace Cee.Functions.Tests.Storage;

/// <summary><see cref="BlobQuarantine"/> against a real Blob endpoint (Azurite): what a Center or an operator finds in <c>quarantine</c>.</summary>
[Collection(RealServicesGroup.Name)]
public sealed class AzuriteBlobQuarantineTests : IAsyncLifetime
{
    private static readonly Finding[] Reasons =
    [
        new(FindingCodes.EntryCheckDigit, FindingSeverity.Error, "entry 002-6110316-3: check digit is 3; the number computes 2"),
        new("dis.note", FindingSeverity.Warning, "Zolltarif-Nr. „8471“ — non-ASCII text survives the metadata"),
    ];

    private AzuriteStorage _storage = null!;

    public async Task InitializeAsync() => _storage = await AzuriteStorage.OpenAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task KeepAsync_RejectedDrop_CopyKeepsTheBytesContentTypeAndReasonMetadata()
    {
        var name = AzuriteStorage.UniqueName(".xml");
        var bytes = EngineSamples.Read("2704/bad-check-digit.xml");
        var drop = await _storage.UploadAsync("2704", name, bytes, contentType: "application/xml");

        var note = await AzuriteStorage.Quarantine(_storage.Blobs).KeepAsync(drop, Reasons, CancellationToken.None);

        var copy = (await _storage.QuarantineContainer.GetBlobClient($"2704/{name}").DownloadContentAsync()).Value;
        Assert.Equal(bytes, copy.Content.ToArray());
        Assert.Equal("application/xml", copy.Details.ContentType);
        var metadata = copy.Details.Metadata;
        Assert.Equal(drop.DropId, metadata[QuarantineMetadata.DropIdKey]);
        Assert.Equal($"port-drops/2704/{name}", metadata[QuarantineMetadata.SourceKey]);
        Assert.Equal("2", metadata[QuarantineMetadata.ReasonCountKey]);
        Assert.Equal($"{FindingCodes.EntryCheckDigit},dis.note", metadata[QuarantineMetadata.ReasonCodesKey]);
        Assert.Contains("\u201e8471\u201c", Uri.UnescapeDataString(metadata[QuarantineMetadata.ReasonsKey]), StringComparison.Ordinal);
        Assert.Equal($"2704/{name}{StorageLayout.ReasonsSuffix}", metadata[QuarantineMetadata.ReasonsFileKey]);

        var reasons = (await _storage.QuarantineContainer.GetBlobClient($"2704/{name}{StorageLayout.ReasonsSuffix}").DownloadContentAsync()).Value;
        using var json = JsonDocument.Parse(reasons.Content.ToString());
        Assert.Equal(drop.DropId, json.RootElement.GetProperty("dropId").GetString());
        Assert.True(json.RootElement.GetProperty("copied").GetBoolean());
        Assert.Equal(Reasons[1].Message, json.RootElement.GetProperty("reasons")[1].GetProperty("message").GetString());
        Assert.True(note.Copied);
    }

    [Fact]
    public async Task KeepAsync_AnotherRejectedDropAtTheSamePath_IsKeptBesideTheFirstWhichStaysAsItWas()
    {
        var name = AzuriteStorage.UniqueName(".xml");
        var first = await _storage.UploadAsync("2704", name, EngineSamples.Read("2704/bad-check-digit.xml"));
        var quarantine = AzuriteStorage.Quarantine(_storage.Blobs);
        await quarantine.KeepAsync(first, Reasons, CancellationToken.None);
        var second = await _storage.UploadAsync("2704", name, EngineSamples.Read("2704/truncated.xml"));

        var note = await quarantine.KeepAsync(second, Reasons, CancellationToken.None);
        var again = await quarantine.KeepAsync(second, Reasons, CancellationToken.None);

        Assert.Equal($"2704/{name}.{second.DropId}", note.Blob);
        Assert.Equal(note.Blob, again.Blob);
        Assert.Equal(EngineSamples.Read("2704/bad-check-digit.xml"), (await _storage.QuarantineContainer.GetBlobClient($"2704/{name}").DownloadContentAsync()).Value.Content.ToArray());
        var beside = (await _storage.QuarantineContainer.GetBlobClient(note.Blob).DownloadContentAsync()).Value;
        Assert.Equal(EngineSamples.Read("2704/truncated.xml"), beside.Content.ToArray());
        Assert.Equal(second.DropId, beside.Details.Metadata[QuarantineMetadata.DropIdKey]);
    }

    [Fact]
    public async Task KeepAsync_DropReplacedBeforeTheQuarantine_KeepsOnlyTheReasonsAndSaysWhy()
    {
        var name = AzuriteStorage.UniqueName(".xml");
        var drop = await _storage.UploadAsync("2704", name, EngineSamples.Read("2704/bad-check-digit.xml"));
        await _storage.UploadAsync("2704", name, EngineSamples.Read("2704/entry-summary-electronics.xml"));

        var note = await AzuriteStorage.Quarantine(_storage.Blobs).KeepAsync(drop, Reasons, CancellationToken.None);

        Assert.False(note.Copied);
        Assert.False((await _storage.QuarantineContainer.GetBlobClient($"2704/{name}").ExistsAsync()).Value);
        Assert.True((await _storage.QuarantineContainer.GetBlobClient($"2704/{name}{StorageLayout.ReasonsSuffix}").ExistsAsync()).Value);
        Assert.Contains("replaced", note.Note, StringComparison.Ordinal);
    }
}
