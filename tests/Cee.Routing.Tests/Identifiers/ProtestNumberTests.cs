using Cee.Routing.Identifiers;

namespace Cee.Routing.Tests.Identifiers;

public class ProtestNumberTests
{
    // The example in CEE.md §3.
    private const string Chicago = "3901-2018-100274";

    [Theory]
    [InlineData(Chicago)]
    [InlineData("3901-18-100274")]
    [InlineData("390118100274")]
    [InlineData("39012018100274")]
    [InlineData("  3901-2018-100274 ")]
    public void TryParse_EveryWrittenForm_NormalizesToFourDigitYear(string text)
    {
        Assert.True(ProtestNumber.TryParse(text, out var protest, out var error), ProtestNumber.Describe(error));
        Assert.Equal(Chicago, protest.ToString());
        Assert.Equal(PortCode.Parse("3901"), protest.Port);
        Assert.Equal("Chicago", protest.Port.Name);
        Assert.Equal(2018, protest.Year);
        Assert.Equal(100274, protest.Serial);
    }

    [Fact]
    public void Equals_TwoAndFourDigitYear_AreEqual()
    {
        Assert.Equal(ProtestNumber.Parse("3901-18-100274"), ProtestNumber.Parse(Chicago));
        Assert.True(ProtestNumber.Parse("390118100274") == ProtestNumber.Parse(Chicago));
    }

    [Theory]
    [InlineData("2704-00-000001", 2000)]
    [InlineData("2704-69-000001", 2069)]
    [InlineData("2704-70-000001", 1970)]
    [InlineData("2704-99-000001", 1999)]
    [InlineData("270499000001", 1999)]
    public void TryParse_TwoDigitYear_PivotsAt69(string text, int year)
    {
        Assert.True(ProtestNumber.TryParse(text, out var protest));
        Assert.Equal(year, protest.Year);
        Assert.Equal($"2704-{year}-000001", protest.ToString());
    }

    [Theory]
    [InlineData("", ProtestNumberError.Empty)]
    [InlineData("3901-2O18-100274", ProtestNumberError.NonDigit)]
    [InlineData("3901/2018/100274", ProtestNumberError.NonDigit)]
    [InlineData("3901-2018-10027", ProtestNumberError.WrongLength)]
    [InlineData("39012018100", ProtestNumberError.WrongLength)]
    [InlineData("3901-201-100274", ProtestNumberError.WrongLength)]
    [InlineData("39012-018-100274", ProtestNumberError.MisplacedDash)]
    [InlineData("3901-2018100274", ProtestNumberError.MisplacedDash)]
    [InlineData("3901-18100-274", ProtestNumberError.MisplacedDash)]
    [InlineData("3901-1969-100274", ProtestNumberError.YearOutOfRange)]
    [InlineData("3901-2070-100274", ProtestNumberError.YearOutOfRange)]
    public void TryParse_Malformed_ReturnsSpecificError(string text, ProtestNumberError expected)
    {
        Assert.False(ProtestNumber.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_UnlistedPort_IsValidWithUnknownPort()
    {
        Assert.True(ProtestNumber.TryParse("9999-2020-000123", out var protest));
        Assert.False(protest.Port.IsKnown);
    }

    [Fact]
    public void TryFormat_FormatN_WritesFourteenDigits()
    {
        Assert.Equal("39012018100274", ProtestNumber.Parse("3901-18-100274").ToString("N", null));
    }

    [Fact]
    public void Default_HoldsNoNumber_FormatsEmpty()
    {
        Assert.Equal(string.Empty, default(ProtestNumber).ToString());
        Assert.Equal(default, default(ProtestNumber).Port);
    }
}
