using System.Net;
using System.Web;
using Cee.Functions.Storage;
using Cee.Functions.Tests.Support;
using Cee.Samples;

namespace Cee.Functions.Tests.Storage;

/// <summary>
/// The triage console's document links against Azurite: a link reads the one stored document with
/// the type and disposition the console needs, for five minutes, and nothing else. (With a
/// connection string, as here, the link is a service SAS; in Azure the same builder signs a user
/// delegation SAS, which Azurite cannot issue.)
/// </summary>
public sealed class AzuriteDocumentLinksTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadLink_StoredPdf_ReadsItInlineAsAPdfForFiveMinutes()
    {
        var storage = await AzuriteStorage.OpenAsync();
        var blob = storage.Documents.GetBlobClient(AzuriteStorage.UniqueName("-001.pdf"));
        var pdf = SampleDocuments.Pdf("Commercial Invoice LRD-14 - medicaments and laptops");
        await blob.UploadAsync(new BinaryData(pdf));
        var links = new BlobDocumentLinks(storage.Blobs, new FixedTimeProvider(DateTimeOffset.UtcNow));

        var link = await links.ReadLinkAsync(blob.Uri.AbsoluteUri, "application/pdf", CancellationToken.None);

        using var http = new HttpClient();
        using var response = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        using var overwrite = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent([1, 2, 3]) };
        overwrite.Headers.Add("x-ms-blob-type", "BlockBlob");
        overwrite.Headers.Add("x-ms-version", "2021-08-06");
        using var write = await http.SendAsync(overwrite);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task ReadLink_Signed_IsReadOnlyForTheBlobAndExpiresInFiveMinutes()
    {
        var storage = await AzuriteStorage.OpenAsync();
        var blob = storage.Documents.GetBlobClient("d0123456789abcdef0123456789abcdef-001.pdf");

        var link = await new BlobDocumentLinks(storage.Blobs, new FixedTimeProvider(Now)).ReadLinkAsync(blob.Uri.AbsoluteUri, "application/pdf", CancellationToken.None);

        var query = HttpUtility.ParseQueryString(link!.Query);
        Assert.Equal(("r", "b"), (query["sp"], query["sr"]));
        Assert.Equal(Now + TimeSpan.FromMinutes(5), DateTimeOffset.Parse(query["se"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(blob.Uri.AbsolutePath, link.AbsolutePath);
    }

    [Theory]
    [InlineData("quarantine")]
    [InlineData("port-drops")]
    public async Task ReadLink_BlobOutsideTheDocumentsContainer_IsNoLink(string container)
    {
        var storage = await AzuriteStorage.OpenAsync();
        var other = storage.Blobs.GetBlobContainerClient(container).GetBlobClient("2704/entry-0026110316.xml");

        Assert.Null(await new BlobDocumentLinks(storage.Blobs, new FixedTimeProvider(Now)).ReadLinkAsync(other.Uri.AbsoluteUri, "application/pdf", CancellationToken.None));
        Assert.Null(await new BlobDocumentLinks(storage.Blobs, new FixedTimeProvider(Now)).ReadLinkAsync("documents/d0-001.pdf", "application/pdf", CancellationToken.None));
    }
}
