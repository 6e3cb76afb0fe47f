using Cee.Routing.Documents;
using Cee.Samples;

namespace Cee.Routing.Tests.Documents;

public class FileSignaturesTests
{
    [Fact]
    public void Detect_GeneratedSamples_ReturnsTheirTypes()
    {
        Assert.Equal(FileSignatures.Pdf, FileSignatures.Detect(SampleDocuments.Pdf()));
        Assert.Equal(FileSignatures.Png, FileSignatures.Detect(SampleDocuments.Png()));
        Assert.Equal(FileSignatures.Tiff, FileSignatures.Detect(SampleDocuments.Tiff(bigEndian: false)));
        Assert.Equal(FileSignatures.Tiff, FileSignatures.Detect(SampleDocuments.Tiff(bigEndian: true)));
        Assert.Equal(FileSignatures.Jpeg, FileSignatures.Detect(SampleDocuments.JpegSignature()));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 })]
    [InlineData(new byte[] { 0x49, 0x49, 0x2B, 0x00 })]
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 })]
    public void Detect_TooShortOrOtherSignature_IsUnknown(byte[] head) =>
        Assert.Equal(FileSignatures.Unknown, FileSignatures.Detect(head));

    [Theory]
    [InlineData("PDF", "pdf", true)]
    [InlineData(".pdf", "pdf", true)]
    [InlineData("TIF", "tiff", true)]
    [InlineData("tiff", "tiff", true)]
    [InlineData("JPG", "jpeg", true)]
    [InlineData("jpeg", "jpeg", true)]
    [InlineData("PDF", "tiff", false)]
    [InlineData("png", "jpeg", false)]
    [InlineData(null, "pdf", false)]
    public void Agree_DeclaredSpellings_CompareByWhatTheyName(string? declared, string detected, bool agree) =>
        Assert.Equal(agree, FileSignatures.Agree(declared, detected));

    [Theory]
    [InlineData("invoice.PDF", "pdf")]
    [InlineData("scan.2026.tif", "tif")]
    [InlineData("no-extension", null)]
    [InlineData("trailing.", null)]
    [InlineData(null, null)]
    public void ExtensionOf_FileNames_GivesTheLowerCaseExtension(string? fileName, string? extension) =>
        Assert.Equal(extension, FileSignatures.ExtensionOf(fileName));
}
