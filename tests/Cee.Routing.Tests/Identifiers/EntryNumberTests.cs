using Cee.Routing.Identifiers;

namespace Cee.Routing.Tests.Identifiers;

public class EntryNumberTests
{
    // The worked example from a CBP ruling (CEE.md §3).
    private const string Valid = "002-6110316-2";

    [Fact]
    public void TryParse_RulingExample_IsValidWithParts()
    {
        Assert.True(EntryNumber.TryParse(Valid, out var entry, out var error));
        Assert.Equal(EntryNumberError.None, error);
        Assert.Equal("002", entry.FilerCode);
        Assert.Equal(6110316, entry.SerialNumber);
        Assert.Equal(2, entry.CheckDigit);
        Assert.Equal(FilerCodePattern.NNN, entry.FilerPattern);
        Assert.Equal(Valid, entry.ToString());
    }

    [Fact]
    public void TryParse_RulingExampleWithWrongCheckDigit_IsCheckDigitMismatch()
    {
        Assert.False(EntryNumber.TryParse("002-6110316-3", out var entry, out var error));
        Assert.Equal(EntryNumberError.CheckDigitMismatch, error);
        Assert.Equal(default, entry);
    }

    [Fact]
    public void TryParse_UndashedAndDashed_AreEqual()
    {
        var dashed = EntryNumber.Parse(Valid);
        var undashed = EntryNumber.Parse("00261103162");
        Assert.Equal(dashed, undashed);
        Assert.True(dashed == undashed);
        Assert.Equal(dashed.GetHashCode(), undashed.GetHashCode());
        Assert.Equal(Valid, undashed.ToString());
    }

    [Theory]
    [InlineData("  002-6110316-2  ")]
    [InlineData("\t00261103162\n")]
    public void TryParse_SurroundingWhitespace_IsTrimmed(string text)
    {
        Assert.True(EntryNumber.TryParse(text, out var entry));
        Assert.Equal(Valid, entry.ToString());
    }

    public static TheoryData<int, char> OneDigitChanges()
    {
        // Every one of the 11 significant characters of 00261103162 replaced by each other digit.
        var data = new TheoryData<int, char>();
        const string significant = "00261103162";
        for (var position = 0; position < significant.Length; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit != significant[position])
                {
                    data.Add(position, digit);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OneDigitChanges))]
    public void TryParse_OneDigitChangedInRulingExample_IsRejected(int position, char digit)
    {
        var chars = "00261103162".ToCharArray();
        chars[position] = digit;
        var changed = new string(chars);
        var dashed = $"{changed[..3]}-{changed[3..10]}-{changed[10]}";

        Assert.False(EntryNumber.TryParse(changed, out _, out var error));
        Assert.Equal(EntryNumberError.CheckDigitMismatch, error);
        Assert.False(EntryNumber.TryParse(dashed, out _, out error));
        Assert.Equal(EntryNumberError.CheckDigitMismatch, error);
    }

    [Fact]
    public void OneDigitChanges_CoverEveryPositionAndDigit_Has99Cases()
    {
        Assert.Equal(11 * 9, OneDigitChanges().Count);
    }

    // Check digits worked by hand. The number 6110316 contributes 16 to every sum: the doubled
    // positions 4, 6, 8, 10 hold 6, 1, 3, 6 → 1+2, 2, 6, 1+2 = 14; positions 5, 7, 9 hold 1, 0, 1 → 2.
    // The filer code adds its 1st value + digit sum of twice the 2nd + its 3rd; check = (10 − sum mod 10) mod 10.
    [Theory]
    [InlineData("123-6110316-6", FilerCodePattern.NNN)] // 1 + (4) + 3 = 8; 8 + 16 = 24 → 6
    [InlineData("Z00-6110316-5", FilerCodePattern.ANN)] // Z=9: 9 + 0 + 0 = 9; 25 → 5
    [InlineData("BS4-6110316-4", FilerCodePattern.AAN)] // B=2, S=2: 2 + (4) + 4 = 10; 26 → 4
    [InlineData("JSZ-6110316-0", FilerCodePattern.AAA)] // J=1, S=2, Z=9: 1 + (4) + 9 = 14; 30 → 0
    [InlineData("K5T-6110316-8", FilerCodePattern.ANA)] // K=2, T=3: 2 + (10 → 1) + 3 = 6; 22 → 8
    [InlineData("9R1-6110316-5", FilerCodePattern.NAN)] // R=9: 9 + (18 → 9) + 1 = 19; 35 → 5
    [InlineData("07I-6110316-0", FilerCodePattern.NNA)] // I=9: 0 + (14 → 5) + 9 = 14; 30 → 0
    [InlineData("3MW-6110316-7", FilerCodePattern.NAA)] // M=4, W=6: 3 + (8) + 6 = 17; 33 → 7
    public void TryParse_EachFilerCodePattern_IsValidWithHandComputedCheckDigit(string text, FilerCodePattern pattern)
    {
        Assert.True(EntryNumber.TryParse(text, out var entry, out var error), EntryNumber.Describe(error));
        Assert.Equal(pattern, entry.FilerPattern);
        Assert.Equal(text, entry.ToString());
        Assert.Equal(text[^1] - '0', EntryNumber.ComputeCheckDigit(text[..3] + text[4..11]));
    }

    [Fact]
    public void FilerCodePattern_EveryCombinationOfLetterAndDigit_IsModelled()
    {
        Assert.Equal(8, Enum.GetValues<FilerCodePattern>().Length - 1);
    }

    [Theory]
    [InlineData('A', 1)]
    [InlineData('E', 5)]
    [InlineData('I', 9)]
    [InlineData('J', 1)]
    [InlineData('N', 5)]
    [InlineData('R', 9)]
    [InlineData('S', 2)]
    [InlineData('V', 5)]
    [InlineData('Z', 9)]
    public void ComputeCheckDigit_LetterInFilerCode_UsesCbpLetterValue(char letter, int value)
    {
        // A letter in the 1st position counts like the digit it converts to, so both give the same check digit.
        Assert.Equal(
            EntryNumber.ComputeCheckDigit($"{(char)('0' + value)}026110316"),
            EntryNumber.ComputeCheckDigit($"{letter}026110316"));
    }

    [Fact]
    public void ComputeCheckDigit_RulingExample_IsTwo()
    {
        Assert.Equal(2, EntryNumber.ComputeCheckDigit("0026110316"));
    }

    [Theory]
    [InlineData("002611031")]
    [InlineData("002-6110316")]
    [InlineData("0026110A16")]
    public void ComputeCheckDigit_NotFilerAndNumber_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => EntryNumber.ComputeCheckDigit(text));
    }

    [Fact]
    public void TryParse_LowerCaseFiler_IsNormalizedToUpper()
    {
        Assert.True(EntryNumber.TryParse("jsz-6110316-0", out var entry));
        Assert.Equal("JSZ-6110316-0", entry.ToString());
        Assert.Equal("JSZ", entry.FilerCode);
        Assert.Equal(EntryNumber.Parse("JSZ61103160"), entry);
    }

    [Theory]
    [InlineData("", EntryNumberError.Empty)]
    [InlineData("   ", EntryNumberError.Empty)]
    [InlineData("002-6110316", EntryNumberError.WrongLength)]
    [InlineData("0026110316", EntryNumberError.WrongLength)]
    [InlineData("002611031622", EntryNumberError.WrongLength)]
    [InlineData("002-61103162-2", EntryNumberError.WrongLength)]
    [InlineData("0026-110316-2", EntryNumberError.MisplacedDash)]
    [InlineData("002-611031-62", EntryNumberError.MisplacedDash)]
    [InlineData("002-61103162", EntryNumberError.MisplacedDash)]
    [InlineData("0026110316-2", EntryNumberError.MisplacedDash)]
    [InlineData("00-26110316-2", EntryNumberError.MisplacedDash)]
    [InlineData("002--6110316-2", EntryNumberError.MisplacedDash)]
    [InlineData("0#2-6110316-2", EntryNumberError.InvalidFilerCharacter)]
    [InlineData("0É2-6110316-2", EntryNumberError.InvalidFilerCharacter)]
    [InlineData("002-611O316-2", EntryNumberError.NonDigitInNumber)]
    [InlineData("002-6110316-X", EntryNumberError.NonDigitCheckDigit)]
    [InlineData("002-6110316-3", EntryNumberError.CheckDigitMismatch)]
    public void TryParse_Malformed_ReturnsSpecificError(string text, EntryNumberError expected)
    {
        Assert.False(EntryNumber.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
        Assert.False(string.IsNullOrWhiteSpace(EntryNumber.Describe(error)));
    }

    [Fact]
    public void TryGetCheckDigits_Mismatch_GivesWrittenAndComputed()
    {
        Assert.True(EntryNumber.TryGetCheckDigits("002-6110316-3", out var written, out var computed));
        Assert.Equal(3, written);
        Assert.Equal(2, computed);
        Assert.Equal("check digit is 3; the number computes 2", EntryNumber.DescribeMismatch(written, computed));
    }

    [Fact]
    public void TryGetCheckDigits_NotShapedLikeEntry_IsFalse()
    {
        Assert.False(EntryNumber.TryGetCheckDigits("002-611O316-3", out _, out _));
        Assert.False(EntryNumber.TryGetCheckDigits("2704", out _, out _));
    }

    [Fact]
    public void Parse_Mismatch_ThrowsFormatExceptionNamingExpectedDigit()
    {
        var ex = Assert.Throws<FormatException>(() => EntryNumber.Parse("002-6110316-3"));
        Assert.Contains("check digit is 3; the number computes 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SsnShapedText_DoesNotEchoTheDigits()
    {
        var ex = Assert.Throws<FormatException>(() => EntryNumber.Parse("078-05-1120"));
        Assert.DoesNotContain("078-05", ex.Message, StringComparison.Ordinal);
        Assert.Contains("***-**-1120", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCombine_FilerAndEightCharacters_EqualsParsedNumber()
    {
        Assert.True(EntryNumber.TryCombine("002", "61103162", out var entry, out var error));
        Assert.Equal(EntryNumberError.None, error);
        Assert.Equal(EntryNumber.Parse(Valid), entry);
    }

    [Theory]
    [InlineData("", "", EntryNumberError.Empty)]
    [InlineData("02", "61103162", EntryNumberError.FilerCodeWrongLength)]
    [InlineData("002", "6110316", EntryNumberError.NumberPartWrongLength)]
    [InlineData("002", "6110316-2", EntryNumberError.NumberPartWrongLength)]
    [InlineData("0*2", "61103162", EntryNumberError.InvalidFilerCharacter)]
    [InlineData("002", "61A03162", EntryNumberError.NonDigitInNumber)]
    [InlineData("002", "61103163", EntryNumberError.CheckDigitMismatch)]
    public void TryCombine_BadParts_ReturnsSpecificError(string filer, string eight, EntryNumberError expected)
    {
        Assert.False(EntryNumber.TryCombine(filer, eight, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryCombine_LowerCaseFiler_IsNormalized()
    {
        Assert.True(EntryNumber.TryCombine(" jsz ", "61103160", out var entry, out _));
        Assert.Equal("JSZ-6110316-0", entry.ToString());
    }

    [Fact]
    public void TryFormat_FormatN_WritesWithoutDashes()
    {
        var entry = EntryNumber.Parse(Valid);
        Assert.Equal("00261103162", entry.ToString("N", null));
        Assert.Equal(Valid, $"{entry}");
        Span<char> small = stackalloc char[12];
        Assert.False(entry.TryFormat(small, out var written, default, null));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Default_HoldsNoNumber_FormatsEmpty()
    {
        var entry = default(EntryNumber);
        Assert.Equal(string.Empty, entry.ToString());
        Assert.Equal(string.Empty, entry.FilerCode);
        Assert.Equal(FilerCodePattern.None, entry.FilerPattern);
        Assert.NotEqual(EntryNumber.Parse("000-0000000-0"), entry);
    }

    [Fact]
    public void Equals_DifferentNumbers_AreNotEqual()
    {
        Assert.NotEqual(EntryNumber.Parse(Valid), EntryNumber.Parse("123-6110316-6"));
        Assert.False(EntryNumber.Parse(Valid).Equals((object)"002-6110316-2"));
    }
}
