using Cee.Functions.Hosting;

namespace Cee.Functions.Tests.Hosting;

public class TelemetrySettingsTests
{
    [Fact]
    public void UsesEntraId_AadWithClientId_ReturnsTheClientId()
    {
        Assert.True(TelemetrySettings.UsesEntraId("Authorization=AAD;ClientId=abc-123", out var clientId));
        Assert.Equal("abc-123", clientId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=abc-123")]
    public void UsesEntraId_NoAadAuthorization_IsFalse(string? value)
    {
        Assert.False(TelemetrySettings.UsesEntraId(value, out _));
    }
}
