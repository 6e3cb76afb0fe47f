using Cee.Routing.Identifiers;
using FsCheck;
using FsCheck.Fluent;

namespace Cee.Routing.Tests.Identifiers;

public class HtsNumberTests
{
    [Theory]
    [InlineData("8471.30.0100", "8471300100")]
    [InlineData("8471.30.01.00", "8471300100")]
    [InlineData("8471300100", "8471300100")]
    [InlineData("  8471300100 ", "8471300100")]
    [InlineData("3004.90.9290", "3004909290")]
    [InlineData("0101.21.0010", "0101210010")]
    [InlineData("8703.23.01", "87032301")]
    [InlineData("8471.30", "847130")]
    [InlineData("847130", "847130")]
    [InlineData("8471", "8471")]
    [InlineData("84", "84")]
    [InlineData("01", "01")]
    public void TryParse_WrittenForm_NormalizesToDigits(string written, string digits)
    {
        Assert.True(HtsNumber.TryParse(written, out var hts, out var error));
        Assert.Equal(HtsNumberError.None, error);
        Assert.Equal(digits, hts.ToString());
        Assert.Equal(digits.Length, hts.DigitCount);
    }

    [Theory]
    [InlineData("", HtsNumberError.Empty)]
    [InlineData("   ", HtsNumberError.Empty)]
    [InlineData("8471-30-0100", HtsNumberError.InvalidCharacter)]
    [InlineData("8471 30 0100", HtsNumberError.InvalidCharacter)]
    [InlineData("847l.30.0100", HtsNumberError.InvalidCharacter)]
    [InlineData("84.71.30.0100", HtsNumberError.MisplacedDot)]
    [InlineData("8471..30", HtsNumberError.MisplacedDot)]
    [InlineData("8471.", HtsNumberError.MisplacedDot)]
    [InlineData(".8471", HtsNumberError.MisplacedDot)]
    [InlineData("847.130", HtsNumberError.MisplacedDot)]
    [InlineData("8", HtsNumberError.WrongDigitCount)]
    [InlineData("847", HtsNumberError.WrongDigitCount)]
    [InlineData("84713", HtsNumberError.WrongDigitCount)]
    [InlineData("847130010", HtsNumberError.WrongDigitCount)]
    [InlineData("84713001001", HtsNumberError.TooLong)]
    [InlineData("00", HtsNumberError.ChapterZero)]
    [InlineData("0012.34", HtsNumberError.ChapterZero)]
    [InlineData("7701.10", HtsNumberError.ReservedChapter)]
    public void TryParse_Malformed_ReturnsSpecificReason(string written, HtsNumberError expected)
    {
        Assert.False(HtsNumber.TryParse(written, out var hts, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, hts);
        Assert.False(string.IsNullOrWhiteSpace(HtsNumber.Describe(error)));
    }

    [Fact]
    public void Accessors_StatisticalNumber_GiveEachLevel()
    {
        var hts = HtsNumber.Parse("8471.30.01.00");

        Assert.Equal(84, hts.Chapter);
        Assert.Equal(8471, hts.Heading);
        Assert.Equal(847130, hts.Subheading);
        Assert.False(hts.IsSpecialProvision);
    }

    [Fact]
    public void Accessors_ChapterOnly_HasNoHeadingOrSubheading()
    {
        var hts = HtsNumber.Parse("09");

        Assert.Equal(9, hts.Chapter);
        Assert.Equal(-1, hts.Heading);
        Assert.Equal(-1, hts.Subheading);
    }

    [Theory]
    [InlineData("9903.88.15", true)]
    [InlineData("9802.00.50", true)]
    [InlineData("9701.21.00", false)]
    public void IsSpecialProvision_Chapters98And99_AreSpecial(string written, bool special)
    {
        Assert.Equal(special, HtsNumber.Parse(written).IsSpecialProvision);
    }

    [Theory]
    [InlineData("8471300100", "8471.30.01.00")]
    [InlineData("87032301", "8703.23.01")]
    [InlineData("847130", "8471.30")]
    [InlineData("0101", "0101")]
    public void ToDottedString_EachLevel_UsesHtsusLayout(string digits, string dotted)
    {
        Assert.Equal(dotted, HtsNumber.Parse(digits).ToDottedString());
        Assert.Equal(dotted, HtsNumber.Parse(digits).ToString("D", null));
    }

    [Fact]
    public void Equals_DottedAndPlain_AreEqual()
    {
        Assert.Equal(HtsNumber.Parse("8471.30.0100"), HtsNumber.Parse("8471300100"));
        Assert.NotEqual(HtsNumber.Parse("847130"), HtsNumber.Parse("8471300000"));
    }

    [Fact]
    public void Parse_Malformed_ThrowsFormatExceptionWithReason()
    {
        var ex = Assert.Throws<FormatException>(() => HtsNumber.Parse("84713"));
        Assert.Contains("2, 4, 6, 8 or 10 digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ArbitraryText_NeverThrowsAndReasonMatchesOutcome()
    {
        Prop.ForAll<string>(text =>
        {
            var ok = HtsNumber.TryParse(text ?? string.Empty, out var hts, out var error);
            return ok ? error == HtsNumberError.None && hts.DigitCount > 0 : error != HtsNumberError.None && hts == default;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryParse_ValidNumberInAnyWrittenForm_RoundTrips()
    {
        var levels = Gen.Elements(2, 4, 6, 8, 10);
        var numbers =
            from length in levels
            from chapter in Gen.Choose(1, 97).Where(c => c != 77)
            from rest in Gen.ArrayOf(Gen.Choose(0, 9), length - 2)
            from dotted in Gen.Elements(true, false)
            select (Digits: chapter.ToString("00") + string.Concat(rest), Dotted: dotted);

        Prop.ForAll(numbers.ToArbitrary(), sample =>
        {
            var written = sample.Dotted ? HtsNumber.Parse(sample.Digits).ToDottedString() : sample.Digits;
            return HtsNumber.TryParse(written, out var hts, out _) && hts.ToString() == sample.Digits &&
                   HtsNumber.Parse(hts.ToDottedString()) == hts;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryParse_DigitCountNotALevel_IsRejected()
    {
        var oddLengths = Gen.Elements(1, 3, 5, 7, 9);
        var numbers =
            from length in oddLengths
            from digits in Gen.ArrayOf(Gen.Choose(1, 9), length)
            select string.Concat(digits);

        Prop.ForAll(numbers.ToArbitrary(), text =>
            !HtsNumber.TryParse(text, out _, out var error) && error == HtsNumberError.WrongDigitCount)
            .QuickCheckThrowOnFailure();
    }
}
