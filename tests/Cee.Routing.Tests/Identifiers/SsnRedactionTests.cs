using Cee.Routing.Identifiers;

namespace Cee.Routing.Tests.Identifiers;

public class SsnRedactionTests
{
    [Theory]
    [InlineData("078-05-1120", "***-**-1120")]
    [InlineData("078051120", "*****1120")]
    [InlineData("078 05 1120", "*** ** 1120")]
    [InlineData("SSN 078-05-1120 on file", "SSN ***-**-1120 on file")]
    [InlineData("666-12-3456", "***-**-3456")]
    [InlineData("123-456789", "***-**6789")]
    public void Redact_SsnLike_KeepsLastFour(string text, string expected)
    {
        Assert.Equal(expected, SsnRedaction.Redact(text));
        Assert.True(SsnRedaction.ContainsSsnLike(text));
    }

    [Theory]
    [InlineData("002-6110316-2")]
    [InlineData("00261103162")]
    [InlineData("12-345678900")]
    [InlineData("12345678900")]
    [InlineData("12-3456789")]
    [InlineData("982704-12345")]
    [InlineData("3901-18-100274")]
    [InlineData("3901-2018-100274")]
    [InlineData("390118100274")]
    [InlineData("8471.30.0100")]
    [InlineData("2704")]
    public void Redact_OtherIdentifiers_LeavesThemAlone(string text)
    {
        Assert.Equal(text, SsnRedaction.Redact(text));
        Assert.False(SsnRedaction.ContainsSsnLike(text));
    }
}
