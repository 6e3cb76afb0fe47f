using System.Text;
using Cee.Functions.Storage;
using Cee.Routing.Drops;
using Cee.Routing.Intake;

namespace Cee.Functions.Tests.Storage;

public class QuarantineMetadataTests
{
    [Fact]
    public void Encode_PrintableAscii_IsKeptAsIs()
    {
        Assert.Equal("[dis.xxe] DOCTYPE refused; entry 002-6110316-2", QuarantineMetadata.Encode("[dis.xxe] DOCTYPE refused; entry 002-6110316-2", 200));
    }

    [Fact]
    public void Encode_NonAsciiControlAndPercent_ArePercentEncodedAndReversible()
    {
        const string text = "Café 100% «línea»\nÉtape 2 – 😀";

        var encoded = QuarantineMetadata.Encode(text, 500);

        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
        Assert.Contains("%25", encoded, StringComparison.Ordinal);
        Assert.Equal(text, Uri.UnescapeDataString(encoded));
    }

    [Fact]
    public void Encode_TooLong_IsCutBetweenCharactersAndMarked()
    {
        var text = string.Concat(Enumerable.Repeat("é", 100));

        var encoded = QuarantineMetadata.Encode(text, 64);

        Assert.True(encoded.Length <= 64);
        Assert.EndsWith(QuarantineMetadata.TruncationMark, encoded, StringComparison.Ordinal);
        var kept = Uri.UnescapeDataString(encoded[..^QuarantineMetadata.TruncationMark.Length]);
        Assert.Equal(new string('é', kept.Length), kept);
    }

    [Fact]
    public void For_ManyLongReasons_StaysAsciiAndWithinTheMetadataLimit()
    {
        var drop = DropReference.For("port-drops/2704/entrée-0026110316.xml", "1B2M2Y8AsgTpgAmY7PhCfg==");
        var reasons = Enumerable.Range(1, 200)
            .Select(i => new Finding($"entry.check-digit-{i}", FindingSeverity.Error, $"entry 002-6110316-3: check digit is 3; the number computes 2 — ligne {i}"))
            .ToList();

        var metadata = QuarantineMetadata.For(drop, reasons, "2704/entrée-0026110316.xml.reasons.json");

        Assert.Equal(drop.DropId, metadata[QuarantineMetadata.DropIdKey]);
        Assert.Equal("200", metadata[QuarantineMetadata.ReasonCountKey]);
        Assert.Equal("port-drops/2704/entrée-0026110316.xml", Uri.UnescapeDataString(metadata[QuarantineMetadata.SourceKey]));
        Assert.EndsWith(QuarantineMetadata.TruncationMark, metadata[QuarantineMetadata.ReasonsKey], StringComparison.Ordinal);
        Assert.StartsWith("[entry.check-digit-1] entry 002-6110316-3", metadata[QuarantineMetadata.ReasonsKey], StringComparison.Ordinal);
        Assert.All(metadata, m => Assert.All(m.Key + m.Value, c => Assert.InRange(c, ' ', '~')));
        Assert.True(metadata.Sum(m => Encoding.ASCII.GetByteCount(m.Key + m.Value)) < 8 * 1024);
    }
}
