using Cee.Routing.Identifiers;

namespace Cee.Routing.Tests.Identifiers;

public class IdentifierDetectorTests
{
    [Theory]
    [InlineData("002-6110316-2", IdentifierKind.Entry)]
    [InlineData("002-6110316-3", IdentifierKind.Entry)]
    [InlineData("JSZ-6110316-0", IdentifierKind.Entry)]
    [InlineData("JSZ61103160", IdentifierKind.Entry)]
    [InlineData("00261103162", IdentifierKind.Entry)]
    [InlineData("12-345678900", IdentifierKind.Importer)]
    [InlineData("12-3456789AB", IdentifierKind.Importer)]
    [InlineData("123456789AB", IdentifierKind.Importer)]
    [InlineData("12-3456789", IdentifierKind.Importer)]
    [InlineData("078-05-1120", IdentifierKind.Importer)]
    [InlineData("078051120", IdentifierKind.Importer)]
    [InlineData("982704-12345", IdentifierKind.Importer)]
    [InlineData("12345678900", IdentifierKind.Importer)]
    [InlineData("8471.30.0100", IdentifierKind.Hts)]
    [InlineData("8471.30.01.00", IdentifierKind.Hts)]
    [InlineData("8471.30", IdentifierKind.Hts)]
    [InlineData("84", IdentifierKind.Hts)]
    [InlineData("847130", IdentifierKind.Hts)]
    [InlineData("84713001", IdentifierKind.Hts)]
    [InlineData("8471300100", IdentifierKind.Hts)]
    [InlineData("2704", IdentifierKind.Port)]
    [InlineData("8471", IdentifierKind.Port)]
    [InlineData("3901-2018-100274", IdentifierKind.Protest)]
    [InlineData("3901-18-100274", IdentifierKind.Protest)]
    [InlineData("390118100274", IdentifierKind.Protest)]
    [InlineData("39012018100274", IdentifierKind.Protest)]
    [InlineData("  2704  ", IdentifierKind.Port)]
    public void Detect_Shape_ReturnsKind(string text, IdentifierKind expected)
    {
        Assert.Equal(expected, IdentifierDetector.Detect(text));
    }

    [Fact]
    public void Detect_ElevenDigits_PrefersEntryOnlyWhenCheckDigitValid()
    {
        // 00261103162 passes the entry check; changing its last digit makes it an importer number's shape.
        Assert.Equal(IdentifierKind.Entry, IdentifierDetector.Detect("00261103162"));
        Assert.Equal(IdentifierKind.Importer, IdentifierDetector.Detect("00261103163"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("123")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("1234567890123")]
    [InlineData("AB3456789CD")]
    [InlineData("8471.30-0100")]
    [InlineData("002-6110316-2-1")]
    [InlineData("002--6110316-2")]
    [InlineData("12-34")]
    [InlineData("002 6110316 2")]
    public void Detect_NoShapeFits_ReturnsNull(string text)
    {
        Assert.Null(IdentifierDetector.Detect(text));
    }
}
