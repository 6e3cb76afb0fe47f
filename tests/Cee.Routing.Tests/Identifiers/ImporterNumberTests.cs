using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Tests.Identifiers;

// SSNs here are the famous void specimen 078-05-1120, the obviously fake 123-45-6789, or numbers
// the SSA never issues. Never put a plausible real SSN in a test.
public class ImporterNumberTests
{
    private const string Specimen = "078-05-1120";

    [Fact]
    public void TryParse_DashedEin_IsEinWithSuffix()
    {
        Assert.True(ImporterNumber.TryParse("12-345678900", out var number, out var error));
        Assert.Equal(ImporterNumberError.None, error);
        Assert.Equal(ImporterNumberKind.Ein, number.Kind);
        Assert.Equal("12-345678900", number.ToString());
        Assert.Equal("12345678900", ImporterLookupKeys.Development.For(number));
    }

    [Fact]
    public void TryParse_UndashedElevenDigits_IsReadAsEin()
    {
        var undashed = ImporterNumber.Parse("12345678900");
        Assert.Equal(ImporterNumberKind.Ein, undashed.Kind);
        Assert.Equal(ImporterNumber.Parse("12-345678900"), undashed);
        Assert.Equal("12-345678900", undashed.ToString());
    }

    [Theory]
    [InlineData("12-3456789AB", "12-3456789AB")]
    [InlineData("12-3456789ab", "12-3456789AB")]
    [InlineData("123456789ab", "12-3456789AB")]
    [InlineData(" 12-3456789x9 ", "12-3456789X9")]
    public void TryParse_EinWithLetterSuffix_IsNormalizedUpperCase(string text, string expected)
    {
        Assert.True(ImporterNumber.TryParse(text, out var number, out var error), ImporterNumber.Describe(error));
        Assert.Equal(ImporterNumberKind.Ein, number.Kind);
        Assert.Equal(expected, number.ToString());
        Assert.Equal(expected.Replace("-", string.Empty), ImporterLookupKeys.Development.For(number));
    }

    [Theory]
    [InlineData("12-3456789OA")]
    [InlineData("12-3456789AI")]
    [InlineData("12-3456789ZZ")]
    [InlineData("12-3456789o0")]
    [InlineData("123456789i0")]
    [InlineData("1234567890z")]
    public void TryParse_SuffixWithO_I_OrZ_IsExcludedSuffixLetter(string text)
    {
        Assert.False(ImporterNumber.TryParse(text, out _, out var error));
        Assert.Equal(ImporterNumberError.ExcludedSuffixLetter, error);
        Assert.Contains("O, I or Z", ImporterNumber.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_DashedEinWithoutSuffix_IsEinMissingSuffix()
    {
        Assert.False(ImporterNumber.TryParse("12-3456789", out _, out var error));
        Assert.Equal(ImporterNumberError.EinMissingSuffix, error);
        Assert.Equal("an EIN needs its 2-character suffix, e.g. 12-345678900", ImporterNumber.Describe(error));
    }

    [Fact]
    public void TryParse_CbpAssigned_IsCbpAssigned()
    {
        // YY 98, district 27, port 04, serial 12345.
        Assert.True(ImporterNumber.TryParse("982704-12345", out var number));
        Assert.Equal(ImporterNumberKind.CbpAssigned, number.Kind);
        Assert.Equal("982704-12345", number.ToString());
        Assert.Equal("98270412345", ImporterLookupKeys.Development.For(number));
    }

    [Fact]
    public void LookupKey_CbpAssignedAndSameDigitsUndashed_Match()
    {
        // Undashed, the CBP-assigned number is read as an EIN; the lookup key still finds the account.
        var cbp = ImporterNumber.Parse("982704-12345");
        var undashed = ImporterNumber.Parse("98270412345");
        Assert.Equal(ImporterNumberKind.Ein, undashed.Kind);
        Assert.Equal(ImporterLookupKeys.Development.For(cbp), ImporterLookupKeys.Development.For(undashed));
        Assert.NotEqual(cbp, undashed);
    }

    [Theory]
    [InlineData(Specimen)]
    [InlineData("078051120")]
    [InlineData(" 078-05-1120\t")]
    public void TryParse_Ssn_IsMasked(string text)
    {
        Assert.True(ImporterNumber.TryParse(text, out var number));
        Assert.Equal(ImporterNumberKind.Ssn, number.Kind);
        Assert.Equal("***-**-1120", number.ToString());
        Assert.Equal("***-**-1120", number.Masked);
    }

    [Fact]
    public void Formatting_Ssn_NeverShowsMoreThanLastFour()
    {
        var number = ImporterNumber.Parse("123-45-6789");
        var shown = new[]
        {
            number.ToString(),
            number.Masked,
            number.ToString("N", null),
            number.ToString("D", null),
            number.ToString("G", null),
            $"{number}",
            $"{number:N}",
            string.Format(null, "{0:X}", number),
            JsonSerializer.Serialize(number),
            JsonSerializer.Serialize(new { Importer = number }),
            TryFormatted(number),
        };

        foreach (var text in shown)
        {
            Assert.Contains("***-**-6789", text, StringComparison.Ordinal);
            Assert.DoesNotContain("123", text, StringComparison.Ordinal);
            Assert.DoesNotContain("45", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LookupKey_Ssn_IsKeyedHmacThatHidesDigits()
    {
        var number = ImporterNumber.Parse(Specimen);
        var secret = SHA256.HashData(Encoding.UTF8.GetBytes("CeeFunctions development importer key: never use in production"));
        var expected = "ssn-" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes("078051120"))[..20]);

        var key = ImporterLookupKeys.Development.For(number);

        Assert.Equal(expected, key);
        Assert.Equal(44, key.Length);
        Assert.DoesNotContain("078051120", key, StringComparison.Ordinal);
        Assert.DoesNotContain("1120", key, StringComparison.Ordinal);
    }

    [Fact]
    public void LookupKey_SsnUnderAnotherSecret_Differs()
    {
        var number = ImporterNumber.Parse(Specimen);
        var deployment = new ImporterLookupKeys(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        Assert.NotEqual(ImporterLookupKeys.Development.For(number), deployment.For(number));
        Assert.False(deployment.IsDevelopment);
        Assert.True(ImporterLookupKeys.Development.IsDevelopment);
        // Non-SSN keys need no secret: they are the same under every deployment.
        var ein = ImporterNumber.Parse("12-345678900");
        Assert.Equal(ImporterLookupKeys.Development.For(ein), deployment.For(ein));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    public void ImporterLookupKeys_ShortSecret_IsRefused(int length)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ImporterLookupKeys(new byte[length]));

        Assert.Contains("at least 32 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImporterLookupKeys_FromBase64_ReadsTheSecret()
    {
        var secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var number = ImporterNumber.Parse(Specimen);

        Assert.Equal(new ImporterLookupKeys(secret).For(number), ImporterLookupKeys.FromBase64(Convert.ToBase64String(secret)).For(number));
        Assert.Throws<FormatException>(() => ImporterLookupKeys.FromBase64("not base64!"));
    }

    [Fact]
    public void LookupKey_SsnDashedAndUndashed_Match()
    {
        var dashed = ImporterNumber.Parse(Specimen);
        var undashed = ImporterNumber.Parse("078051120");
        Assert.Equal(dashed, undashed);
        Assert.Equal(ImporterLookupKeys.Development.For(dashed), ImporterLookupKeys.Development.For(undashed));
        Assert.NotEqual(ImporterLookupKeys.Development.For(ImporterNumber.Parse("123-45-6789")), ImporterLookupKeys.Development.For(dashed));
    }

    [Fact]
    public void Equals_SsnsSharingLastFour_AreNotEqual()
    {
        // Equality uses all 9 digits even though only the last 4 are ever shown.
        var a = ImporterNumber.Parse("123-45-1120");
        var b = ImporterNumber.Parse(Specimen);
        Assert.Equal(a.ToString(), b.ToString());
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("000-12-3456", ImporterNumberError.SsnAreaZero)]
    [InlineData("666-12-3456", ImporterNumberError.SsnArea666)]
    [InlineData("900-12-3456", ImporterNumberError.SsnAreaNotIssued)]
    [InlineData("999123456", ImporterNumberError.SsnAreaNotIssued)]
    [InlineData("123-00-4567", ImporterNumberError.SsnGroupZero)]
    [InlineData("123-45-0000", ImporterNumberError.SsnSerialZero)]
    public void TryParse_SsnBreakingSsaRule_ReturnsSpecificError(string text, ImporterNumberError expected)
    {
        Assert.False(ImporterNumber.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("665-12-3456")]
    [InlineData("667-12-3456")]
    [InlineData("899-12-3456")]
    [InlineData("001-01-0001")]
    public void TryParse_SsnNextToForbiddenValues_IsValid(string text)
    {
        Assert.True(ImporterNumber.TryParse(text, out var number));
        Assert.Equal(ImporterNumberKind.Ssn, number.Kind);
    }

    [Theory]
    [InlineData("", ImporterNumberError.Empty)]
    [InlineData("1234567890", ImporterNumberError.WrongLength)]
    [InlineData("12345678", ImporterNumberError.WrongLength)]
    [InlineData("12-34567890", ImporterNumberError.WrongLength)]
    [InlineData("12-345678900-1", ImporterNumberError.WrongLength)]
    [InlineData("1234-5678900", ImporterNumberError.MisplacedDash)]
    [InlineData("12-3456789-00", ImporterNumberError.MisplacedDash)]
    [InlineData("123-456-789", ImporterNumberError.MisplacedDash)]
    [InlineData("07-805-1120", ImporterNumberError.MisplacedDash)]
    [InlineData("078-05-11-0", ImporterNumberError.WrongLength)]
    [InlineData("1A-345678900", ImporterNumberError.NonDigit)]
    [InlineData("12-3456X8900", ImporterNumberError.NonDigit)]
    [InlineData("078-0A-1120", ImporterNumberError.NonDigit)]
    [InlineData("ABCDEF-12345", ImporterNumberError.NonDigit)]
    [InlineData("12-3456789A#", ImporterNumberError.InvalidSuffixCharacter)]
    public void TryParse_Malformed_ReturnsSpecificError(string text, ImporterNumberError expected)
    {
        Assert.False(ImporterNumber.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_InvalidSsn_MessageDoesNotRepeatInput()
    {
        var ex = Assert.Throws<FormatException>(() => ImporterNumber.Parse("666-12-3456"));
        Assert.DoesNotContain("3456", ex.Message, StringComparison.Ordinal);
        Assert.Contains("666", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Ein_RoundTrips()
    {
        var number = ImporterNumber.Parse("12-3456789AB");
        var json = JsonSerializer.Serialize(number);
        Assert.Equal("\"12-3456789AB\"", json);
        Assert.Equal(number, JsonSerializer.Deserialize<ImporterNumber>(json));
    }

    [Fact]
    public void Json_MaskedSsn_CannotBeReadBack()
    {
        var json = JsonSerializer.Serialize(ImporterNumber.Parse(Specimen));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ImporterNumber>(json));
    }

    [Fact]
    public void Default_HasKindNone_FormatsEmpty()
    {
        var number = default(ImporterNumber);
        Assert.Equal(ImporterNumberKind.None, number.Kind);
        Assert.Equal(string.Empty, number.ToString());
        Assert.Equal(string.Empty, ImporterLookupKeys.Development.For(number));
    }

    private static string TryFormatted(ImporterNumber number)
    {
        Span<char> buffer = stackalloc char[32];
        Assert.True(number.TryFormat(buffer, out var written, "N", null));
        return new string(buffer[..written]);
    }
}
