using Azure;
using Cee.Functions.Storage;
using Cee.Routing.Drops;

namespace Cee.Functions.Tests.Storage;

public class StorageLayoutTests
{
    [Fact]
    public void ContentVersion_IsTheETagWhateverTheContentMd5()
    {
        // The signature takes no Content-MD5 at all: a client sets it, the service guarantees the ETag.
        Assert.Equal("\"0x8D1\"", StorageLayout.ContentVersion(new ETag("\"0x8D1\"")));
        Assert.NotEqual(StorageLayout.ContentVersion(new ETag("\"0x8D1\"")), StorageLayout.ContentVersion(new ETag("\"0x8D2\"")));
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
        const string version = "\"0x1\"";

        Assert.True(StorageLayout.IsVersionOf(version, new ETag("\"0x1\"")));
        Assert.True(StorageLayout.IsVersionOf(StorageLayout.WithManifest(version, "\"0x2\""), new ETag("\"0x1\"")));
        Assert.False(StorageLayout.IsVersionOf(version, new ETag("\"0x3\"")));
    }
}
