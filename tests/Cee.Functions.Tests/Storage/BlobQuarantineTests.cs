using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Cee.Functions.Storage;
using Cee.Functions.Tests.Support;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Cee.Functions.Tests.Storage;

public class BlobQuarantineTests
{
    private static readonly byte[] Md5 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
    private const string ETagValue = "\"0x8DE2A0B1C2D3E4F\"";
    private static readonly DropReference Drop = DropReference.For("port-drops/2704/x.xml", ETagValue);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);
    private static readonly Finding[] Reasons = [new("entry.check-digit", FindingSeverity.Error, "entry 002-6110316-3: check digit is 3; the number computes 2")];

    [Fact]
    public async Task KeepAsync_RejectedDrop_CopiesItByteForByteWithReasonsInMetadataAndBeside()
    {
        var setup = new Setup(Blobs.Existing(Blobs.Properties(contentHash: Md5, etag: ETagValue)));

        var note = await setup.Quarantine.KeepAsync(Drop, Reasons, CancellationToken.None);

        var copy = Assert.Single(setup.Copies);
        Assert.Equal("2704/x.xml", copy.Name);
        Assert.Equal("<drop/>", copy.Content);
        Assert.Equal(ETag.All, copy.Options.Conditions.IfNoneMatch);
        Assert.Equal("application/xml", copy.Options.HttpHeaders.ContentType);
        Assert.Equal(Drop.DropId, copy.Options.Metadata[QuarantineMetadata.DropIdKey]);
        Assert.Equal("2704/x.xml.reasons.json", copy.Options.Metadata[QuarantineMetadata.ReasonsFileKey]);
        Assert.Equal("entry.check-digit", copy.Options.Metadata[QuarantineMetadata.ReasonCodesKey]);

        Assert.True(note.Copied);
        Assert.Equal("2704/x.xml", note.Blob);
        Assert.Equal(Now, note.QuarantinedAt);
        var (name, json) = Assert.Single(setup.Notes);
        Assert.Equal("2704/x.xml.reasons.json", name);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("cee.quarantine-note", document.RootElement.GetProperty("schema").GetString());
        Assert.Equal(Drop.DropId, document.RootElement.GetProperty("dropId").GetString());
        Assert.Equal("entry.check-digit", document.RootElement.GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task KeepAsync_SameDropAgain_KeepsTheFirstCopyAndRewritesOnlyTheReasons()
    {
        var setup = new Setup(Blobs.Existing(Blobs.Properties(contentHash: Md5, etag: ETagValue)));
        setup.AlreadyKept("2704/x.xml", Drop.DropId);

        var note = await setup.Quarantine.KeepAsync(Drop, Reasons, CancellationToken.None);

        Assert.Empty(setup.Copies);
        Assert.Equal("2704/x.xml", note.Blob);
        Assert.Equal("2704/x.xml.reasons.json", Assert.Single(setup.Notes).Name);
    }

    [Fact]
    public async Task KeepAsync_AnotherDropKeptAtThePath_KeepsThisOneBesideIt()
    {
        var setup = new Setup(Blobs.Existing(Blobs.Properties(contentHash: Md5, etag: ETagValue)));
        setup.AlreadyKept("2704/x.xml", "dffffffffffffffffffffffffffffffff");

        var note = await setup.Quarantine.KeepAsync(Drop, Reasons, CancellationToken.None);

        var copy = Assert.Single(setup.Copies);
        Assert.Equal($"2704/x.xml.{Drop.DropId}", copy.Name);
        Assert.Equal($"2704/x.xml.{Drop.DropId}", note.Blob);
        Assert.Equal($"2704/x.xml.{Drop.DropId}.reasons.json", Assert.Single(setup.Notes).Name);
    }

    [Fact]
    public async Task KeepAsync_DropReplacedByNewerContent_KeepsOnlyTheReasonsAndSaysWhy()
    {
        // Newer content at the path has another ETag, even with the same (client-set) Content-MD5.
        var setup = new Setup(Blobs.Existing(Blobs.Properties(contentHash: Md5, etag: "\"0x8DE2A0B1C2D9999\"")));

        var note = await setup.Quarantine.KeepAsync(Drop, Reasons, CancellationToken.None);

        Assert.Empty(setup.Copies);
        Assert.False(note.Copied);
        Assert.Null(note.Blob);
        Assert.Contains("replaced by newer content", note.Note, StringComparison.Ordinal);
        Assert.Equal("2704/x.xml.reasons.json", Assert.Single(setup.Notes).Name);
    }

    [Fact]
    public async Task KeepAsync_DropDeleted_KeepsOnlyTheReasons()
    {
        var setup = new Setup(Blobs.Missing());

        var note = await setup.Quarantine.KeepAsync(Drop, Reasons, CancellationToken.None);

        Assert.Empty(setup.Copies);
        Assert.False(note.Copied);
        Assert.Contains("deleted", note.Note, StringComparison.Ordinal);
    }

    private sealed class Setup
    {
        private readonly Dictionary<string, Mock<BlobClient>> _quarantined = new(StringComparer.Ordinal);
        private readonly Mock<BlobContainerClient> _quarantine = new();

        public Setup(Mock<BlobClient> source)
        {
            source.Setup(s => s.OpenReadAsync(It.IsAny<BlobOpenReadOptions>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(() => new MemoryStream("<drop/>"u8.ToArray()));
            _quarantine.Setup(c => c.GetBlobClient(It.IsAny<string>())).Returns((string name) => Target(name).Object);
            var service = Blobs.Service(new Dictionary<string, Mock<BlobContainerClient>>
            {
                [StorageLayout.PortDrops] = Blobs.Container(new Dictionary<string, Mock<BlobClient>> { ["2704/x.xml"] = source }),
                [StorageLayout.Quarantine] = _quarantine,
            });
            Quarantine = new BlobQuarantine(service.Object, new FixedTimeProvider(Now), NullLogger<BlobQuarantine>.Instance);
        }

        public BlobQuarantine Quarantine { get; }

        public List<(string Name, string Content, BlobUploadOptions Options)> Copies { get; } = [];

        public List<(string Name, string Json)> Notes { get; } = [];

        public void AlreadyKept(string name, string dropId)
        {
            var existing = Target(name);
            existing.Setup(b => b.UploadAsync(It.IsAny<Stream>(), It.IsAny<BlobUploadOptions>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(new RequestFailedException(409, "The specified blob already exists.", "BlobAlreadyExists", null));
            existing.Setup(b => b.GetPropertiesAsync(It.IsAny<BlobRequestConditions>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(Response.FromValue(
                    Blobs.Properties(metadata: new Dictionary<string, string> { [QuarantineMetadata.DropIdKey] = dropId }),
                    Mock.Of<Response>()));
        }

        private Mock<BlobClient> Target(string name)
        {
            if (_quarantined.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var blob = new Mock<BlobClient>();
            blob.Setup(b => b.UploadAsync(It.IsAny<Stream>(), It.IsAny<BlobUploadOptions>(), It.IsAny<CancellationToken>()))
                .Callback<Stream, BlobUploadOptions, CancellationToken>((content, options, _) =>
                    Copies.Add((name, new StreamReader(content).ReadToEnd(), options)))
                .ReturnsAsync(Mock.Of<Response<BlobContentInfo>>());
            blob.Setup(b => b.UploadAsync(It.IsAny<BinaryData>(), It.IsAny<BlobUploadOptions>(), It.IsAny<CancellationToken>()))
                .Callback<BinaryData, BlobUploadOptions, CancellationToken>((content, _, _) => Notes.Add((name, content.ToString())))
                .ReturnsAsync(Mock.Of<Response<BlobContentInfo>>());
            _quarantined[name] = blob;
            return blob;
        }
    }
}
