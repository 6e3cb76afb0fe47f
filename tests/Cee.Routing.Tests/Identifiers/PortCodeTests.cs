using Cee.Routing.Identifiers;

namespace Cee.Routing.Tests.Identifiers;

public class PortCodeTests
{
    [Theory]
    [InlineData("2704", "Los Angeles")]
    [InlineData("2709", "Long Beach")]
    [InlineData("1001", "New York")]
    [InlineData("3801", "Detroit")]
    [InlineData("5301", "Houston")]
    [InlineData("2304", "Laredo")]
    [InlineData("3901", "Chicago")]
    [InlineData("5201", "Miami")]
    [InlineData("0901", "Buffalo-Niagara Falls")]
    [InlineData("2809", "San Francisco")]
    [InlineData("1704", "Atlanta")]
    [InlineData("2006", "Memphis")]
    public void TryParse_CorePort_IsKnownWithName(string text, string name)
    {
        Assert.True(PortCode.TryParse(text, out var port, out var error));
        Assert.Equal(PortCodeError.None, error);
        Assert.True(port.IsKnown);
        Assert.Equal(name, port.Name);
        Assert.Equal(text, port.ToString());
    }

    [Fact]
    public void TryParse_LosAngeles_SplitsDistrictAndPort()
    {
        var port = PortCode.Parse("2704");
        Assert.Equal(2704, port.Code);
        Assert.Equal(27, port.District);
        Assert.Equal(4, port.Port);
    }

    [Fact]
    public void ToString_LeadingZeroDistrict_KeepsFourDigits()
    {
        var buffalo = PortCode.Parse("0901");
        Assert.Equal(901, buffalo.Code);
        Assert.Equal(9, buffalo.District);
        Assert.Equal("0901", buffalo.ToString());
        Assert.Equal("0901", $"{buffalo}");
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("0000")]
    [InlineData("2799")]
    public void TryParse_WellFormedUnlisted_IsValidButUnknown(string text)
    {
        Assert.True(PortCode.TryParse(text, out var port));
        Assert.False(port.IsKnown);
        Assert.Null(port.Name);
        Assert.Equal(text, port.ToString());
    }

    [Theory]
    [InlineData("", PortCodeError.Empty)]
    [InlineData("  ", PortCodeError.Empty)]
    [InlineData("270", PortCodeError.WrongLength)]
    [InlineData("27041", PortCodeError.WrongLength)]
    [InlineData("27O4", PortCodeError.NonDigit)]
    [InlineData("27-04", PortCodeError.NonDigit)]
    [InlineData("LAX", PortCodeError.NonDigit)]
    public void TryParse_Malformed_ReturnsSpecificError(string text, PortCodeError expected)
    {
        Assert.False(PortCode.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_Malformed_ThrowsWithReason()
    {
        var ex = Assert.Throws<FormatException>(() => PortCode.Parse("27041"));
        Assert.Contains("exactly 4 digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_SameCodeDifferentSpelling_AreEqual()
    {
        Assert.Equal(PortCode.Parse(" 2704 "), PortCode.Parse("2704"));
        Assert.NotEqual(PortCode.Parse("2704"), PortCode.Parse("2709"));
    }

    [Fact]
    public void Default_HoldsNoCode_DiffersFromPort0000()
    {
        Assert.Equal(string.Empty, default(PortCode).ToString());
        Assert.Equal(-1, default(PortCode).Code);
        Assert.False(default(PortCode).IsKnown);
        Assert.NotEqual(PortCode.Parse("0000"), default);
    }

    [Fact]
    public void PortNames_All_ListsOnlyFourDigitCodes()
    {
        Assert.All(PortNames.All.Keys, code => Assert.InRange(code, 101, 9999));
        Assert.True(PortNames.TryGetName(4601, out var newark));
        Assert.Equal("Newark", newark);
        Assert.False(PortNames.TryGetName(9999, out _));
    }
}
