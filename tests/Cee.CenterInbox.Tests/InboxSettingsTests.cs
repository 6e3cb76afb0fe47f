using Cee.CenterInbox.Hosting;

namespace Cee.CenterInbox.Tests;

public class InboxSettingsTests
{
    private static InboxSettings Valid() => new()
    {
        Center = "CEE007",
        FullyQualifiedNamespace = "sb-cee-x7k2.servicebus.windows.net",
        ApiBaseUrl = "https://func-cee-x7k2.azurewebsites.net/",
        ApiScope = "api://9f2c4b0e-8d1a-4c3f-a5e6-b9a2d4c8e1f0/.default",
        DocumentFolder = "/srv/cee007/inbox",
    };

    [Fact]
    public void Validate_AzureSettings_HaveNoProblemAndTakeTheCentersTopicAndAll()
    {
        var settings = Valid();

        Assert.Empty(settings.Validate());
        Assert.Equal("cee007", settings.Topic);
        Assert.Equal(["all"], settings.SubscriptionNames);
    }

    [Theory]
    [InlineData("Center", "CEE011", "Inbox__Center")]
    [InlineData("Center", "PNDING", "importer-account state")]
    [InlineData("ApiBaseUrl", "http://func-cee-x7k2.azurewebsites.net/", "not an https address")]
    [InlineData("ApiScope", "", "Inbox__ApiScope")]
    [InlineData("DocumentFolder", "", "Inbox__DocumentFolder")]
    [InlineData("ConnectionString", "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;", "exactly one of")]
    [InlineData("Subscriptions", "bills-of-lading", "not a subscription of a Center topic")]
    [InlineData("MaxAutoLockRenewalDuration", "00:00:05", "Inbox__MaxAutoLockRenewalDuration")]
    [InlineData("MaxConcurrentSessions", "0", "Inbox__MaxConcurrentSessions")]
    public void Validate_BadSetting_NamesIt(string setting, string value, string expected)
    {
        var settings = Valid();
        switch (setting)
        {
            case "Center": settings.Center = value; break;
            case "ApiBaseUrl": settings.ApiBaseUrl = value; break;
            case "ApiScope": settings.ApiScope = value; break;
            case "DocumentFolder": settings.DocumentFolder = value; break;
            case "ConnectionString": settings.ConnectionString = value; break;
            case "Subscriptions": settings.Subscriptions = [value]; break;
            case "MaxAutoLockRenewalDuration": settings.MaxAutoLockRenewalDuration = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: settings.MaxConcurrentSessions = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        Assert.Contains(settings.Validate(), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LoopbackHttpApi_IsAllowedForLocalRuns()
    {
        var settings = Valid();
        settings.ApiBaseUrl = "http://localhost:7071/";

        Assert.Empty(settings.Validate());
    }
}
