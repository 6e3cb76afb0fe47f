using System.Text;
using Cee.Functions.Storage;
using Cee.Routing.Drops;
using Cee.Routing.Intake;

namespace Cee.Functions.Tests.Storage;

public class QuarantineMetadataTests
{
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
        Assert.EndsWith(BlobMetadataText.TruncationMark, metadata[QuarantineMetadata.ReasonsKey], StringComparison.Ordinal);
        Assert.StartsWith("[entry.check-digit-1] entry 002-6110316-3", metadata[QuarantineMetadata.ReasonsKey], StringComparison.Ordinal);
        Assert.All(metadata, m => Assert.All(m.Key + m.Value, c => Assert.InRange(c, ' ', '~')));
        Assert.True(metadata.Sum(m => Encoding.ASCII.GetByteCount(m.Key + m.Value)) < 8 * 1024);
    }
}
