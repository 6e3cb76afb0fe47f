using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Moq;
using Moq.Protected;

namespace Cee.Functions.Tests.Support;

/// <summary>
/// A mocked block blob that records what is staged (a copy of each block's bytes, in order) and
/// committed. <c>GetBlockBlobClient</c> is an extension method over the container's protected
/// <c>GetBlockBlobClientCore</c>, which is what a mocked container sets up.
/// </summary>
internal sealed class RecordingBlockBlob
{
    public RecordingBlockBlob(string name)
    {
        Uri = new Uri($"https://cee.blob.core.windows.net/documents/{name}");
        Client.Setup(b => b.Uri).Returns(Uri);
        Client.Setup(b => b.StageBlockAsync(It.IsAny<string>(), It.IsAny<Stream>(), It.IsAny<BlockBlobStageBlockOptions>(), It.IsAny<CancellationToken>()))
            .Returns((string id, Stream content, BlockBlobStageBlockOptions _, CancellationToken _) =>
            {
                using var copy = new MemoryStream();
                content.CopyTo(copy);
                Staged.Add((id, copy.ToArray()));
                return Task.FromResult(Mock.Of<Response<BlockInfo>>());
            });
        Client.Setup(b => b.CommitBlockListAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<CommitBlockListOptions>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<string> ids, CommitBlockListOptions options, CancellationToken _) =>
            {
                Commits.Add((ids.ToList(), options));
                return Task.FromResult(Mock.Of<Response<BlobContentInfo>>());
            });
    }

    public Mock<BlockBlobClient> Client { get; } = new();

    public Uri Uri { get; }

    public List<(string Id, byte[] Bytes)> Staged { get; } = [];

    public List<(List<string> Ids, CommitBlockListOptions Options)> Commits { get; } = [];

    /// <summary>The bytes of the committed blob: its blocks in commit order.</summary>
    public byte[] Committed()
    {
        var (ids, _) = Assert.Single(Commits);
        return [.. ids.SelectMany(id => Staged.Last(s => s.Id == id).Bytes)];
    }

    /// <summary>A container that hands out these block blobs by name.</summary>
    public static Mock<BlobContainerClient> Container(params RecordingBlockBlob[] blobs)
    {
        var container = new Mock<BlobContainerClient>();
        foreach (var blob in blobs)
        {
            var name = blob.Uri.Segments[^1];
            container.Protected()
                .Setup<BlockBlobClient>("GetBlockBlobClientCore", ItExpr.Is<string>(n => n == name))
                .Returns(blob.Client.Object);
        }

        return container;
    }

    /// <summary>A container that makes a recording block blob for any name it is asked for.</summary>
    public static Mock<BlobContainerClient> AnyContainer(IDictionary<string, RecordingBlockBlob> made)
    {
        var container = new Mock<BlobContainerClient>();
        container.Protected()
            .Setup<BlockBlobClient>("GetBlockBlobClientCore", ItExpr.IsAny<string>())
            .Returns((string name) =>
            {
                var blob = new RecordingBlockBlob(name);
                made[name] = blob;
                return blob.Client.Object;
            });
        return container;
    }
}
