using Cee.Functions.Storage;

namespace Cee.Functions.Tests.Storage;

public class BlobMetadataTextTests
{
    [Fact]
    public void Encode_PrintableAscii_IsKeptAsIs()
    {
        Assert.Equal("[dis.xxe] DOCTYPE refused; entry 002-6110316-2", BlobMetadataText.Encode("[dis.xxe] DOCTYPE refused; entry 002-6110316-2", 200));
    }

    [Fact]
    public void Encode_NonAsciiControlAndPercent_ArePercentEncodedAndReversible()
    {
        const string text = "Café 100% «línea»\nÉtape 2 – 😀";

        var encoded = BlobMetadataText.Encode(text, 500);

        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
        Assert.Contains("%25", encoded, StringComparison.Ordinal);
        Assert.Equal(text, Uri.UnescapeDataString(encoded));
    }

    [Fact]
    public void Encode_TooLong_IsCutBetweenCharactersAndMarked()
    {
        var text = string.Concat(Enumerable.Repeat("é", 100));

        var encoded = BlobMetadataText.Encode(text, 64);

        Assert.True(encoded.Length <= 64);
        Assert.EndsWith(BlobMetadataText.TruncationMark, encoded, StringComparison.Ordinal);
        var kept = Uri.UnescapeDataString(encoded[..^BlobMetadataText.TruncationMark.Length]);
        Assert.Equal(new string('é', kept.Length), kept);
    }
}
