using Azure;
using Cee.Functions.Storage;
using Cee.Routing.Drops;

namespace Cee.Functions.Tests.Storage;

public class StorageLayoutTests
{
    private static readonly byte[] Md5 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

    [Fact]
    public void ContentVersion_WithContentMd5_IsItsBase64()
    {
        Assert.Equal(Convert.ToBase64String(Md5), StorageLayout.ContentVersion(Md5, new ETag("\"0x1\"")));
    }

    [Fact]
    public void ContentVersion_WithoutContentMd5_IsTheETag()
    {
        Assert.Equal("\"0x8D1\"", StorageLayout.ContentVersion(null, new ETag("\"0x8D1\"")));
        Assert.Equal("\"0x8D1\"", StorageLayout.ContentVersion([], new ETag("\"0x8D1\"")));
    }

    [Theory]
    [InlineData("invoice.pdf.cee.json", true)]
    [InlineData("INVOICE.PDF.CEE.JSON", true)]
    [InlineData("invoice.pdf", false)]
    [InlineData(".cee.json", false)]
    public void IsSidecarManifest_Name_RecognizesTheSuffix(string name, bool expected)
    {
        Assert.Equal(expected, StorageLayout.IsSidecarManifest(name));
    }

    [Fact]
    public void ManifestForAndDocumentFor_AreInverse()
    {
        Assert.Equal("2704/invoice.pdf.cee.json", StorageLayout.ManifestFor("2704/invoice.pdf"));
        Assert.Equal("2704/invoice.pdf", StorageLayout.DocumentFor("2704/invoice.pdf.cee.json"));
    }

    [Fact]
    public void DropBlobName_PortDropSource_IsThePathInsideTheContainer()
    {
        Assert.Equal("2704/x.xml", StorageLayout.DropBlobName(DropReference.For("port-drops/2704/x.xml", "v")));
        Assert.Throws<ArgumentException>(() => StorageLayout.DropBlobName(DropReference.For("elsewhere/2704/x.xml", "v")));
    }

    [Fact]
    public void IsVersionOf_DocumentVersionWithOrWithoutManifestPart_MatchesTheBlob()
    {
        var version = Convert.ToBase64String(Md5);

        Assert.True(StorageLayout.IsVersionOf(version, Md5, new ETag("\"0x1\"")));
        Assert.True(StorageLayout.IsVersionOf(StorageLayout.WithManifest(version, "\"0x2\""), Md5, new ETag("\"0x1\"")));
        Assert.False(StorageLayout.IsVersionOf(version, [9, 9, 9], new ETag("\"0x1\"")));
    }
}
