using Cee.Functions.Hosting;
using Microsoft.Extensions.Configuration;

namespace Cee.Functions.Tests.Hosting;

public class AzureConnectionTests
{
    [Fact]
    public void Read_ConnectionStringAsTheSectionValue_IsTheLocalEmulatorForm()
    {
        var connection = AzureConnection.Read(Configuration(new() { ["PortDrops"] = "UseDevelopmentStorage=true" }), "PortDrops", "blobServiceUri");

        Assert.Equal("UseDevelopmentStorage=true", connection.ConnectionString);
        Assert.Null(connection.Endpoint);
    }

    [Fact]
    public void Read_IdentityBasedSettings_GiveEndpointAndClientId()
    {
        var connection = AzureConnection.Read(Configuration(new()
        {
            ["ServiceBus:fullyQualifiedNamespace"] = "sb-cee.servicebus.windows.net",
            ["ServiceBus:credential"] = "managedidentity",
            ["ServiceBus:clientId"] = "11111111-2222-3333-4444-555555555555",
        }), "ServiceBus", "fullyQualifiedNamespace");

        Assert.Null(connection.ConnectionString);
        Assert.Equal("sb-cee.servicebus.windows.net", connection.RequireEndpoint());
        Assert.Equal("11111111-2222-3333-4444-555555555555", connection.ClientId);
    }

    [Fact]
    public void RequireEndpoint_NothingConfigured_NamesTheSettingsToAdd()
    {
        var connection = AzureConnection.Read(Configuration([]), "PortDrops", "blobServiceUri");

        var error = Assert.Throws<InvalidOperationException>(connection.RequireEndpoint);
        Assert.Contains("PortDrops__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
