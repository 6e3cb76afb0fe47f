using System.Text;
using Cee.Cli.Local;

namespace Cee.Cli.Tests.Local;

public class QuarantineNamesTests
{
    [Fact]
    public void For_OrdinaryPath_IsThePathItself() =>
        Assert.Equal("2704/bad-check-digit.xml", QuarantineNames.For("2704/bad-check-digit.xml"));

    [Fact]
    public void For_PathWithAnSsn_IsMaskedAndMadeUniqueWithAHash()
    {
        var one = QuarantineNames.For("2704/078-05-1120.pdf");
        var other = QuarantineNames.For("2704/123-45-1120.pdf");

        Assert.StartsWith("2704/***-**-1120.pdf~", one, StringComparison.Ordinal);
        Assert.DoesNotContain("078", one, StringComparison.Ordinal);
        Assert.NotEqual(one, other);
    }

    [Theory]
    [InlineData('n', 250)]
    [InlineData('é', 200)]
    [InlineData('\u6587', 84)]
    public void For_NameTooLongForItsSuffixes_FitsTheFileSystemWithRoomForThem(char letter, int count)
    {
        var source = "2704/" + new string(letter, count);

        var name = Path.GetFileName(QuarantineNames.For(source));

        Assert.True(Encoding.UTF8.GetByteCount(name + FolderDropStore.ReasonsSuffix) <= QuarantineNames.MaxFileNameBytes);
        Assert.Equal(QuarantineNames.For(source), QuarantineNames.For(source));
        Assert.NotEqual(QuarantineNames.For(source), QuarantineNames.For(source + "x"));
    }
}
