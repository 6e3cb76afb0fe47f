namespace Cee.Functions.Harness;

/// <summary>
/// Where the test services that eng/services.sh starts are listening: Azurite's Blob service
/// (<c>CEE_AZURITE_BLOB_ENDPOINT</c>) and the Cosmos DB test server (<c>CEE_COSMOS_TEST_ENDPOINT</c>).
/// A test or benchmark that needs one and does not find it fails here, saying how to start it:
/// nothing that needs a service is ever skipped.
/// </summary>
public static class TestServiceEndpoints
{
    public const string AzuriteVariable = "CEE_AZURITE_BLOB_ENDPOINT";
    public const string CosmosVariable = "CEE_COSMOS_TEST_ENDPOINT";

    /// <summary>Azurite's well-known development account (public, documented by Azurite; loopback only).</summary>
    public const string AzuriteAccountName = "devstoreaccount1";

    public const string AzuriteAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The Cosmos DB emulator's published key; the test server accepts any well-formed key.</summary>
    public const string CosmosEmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    /// <summary>Azurite's Blob endpoint with the account, e.g. <c>http://127.0.0.1:41234/devstoreaccount1</c>.</summary>
    public static Uri RequireAzuriteBlob() => Require(AzuriteVariable, "Azurite's Blob service", "azurite");

    /// <summary>The Cosmos DB test server's endpoint, e.g. <c>http://127.0.0.1:43210/</c>.</summary>
    public static Uri RequireCosmos() => Require(CosmosVariable, "the Cosmos DB test server", "cosmos");

    /// <summary>A Blob Storage connection string for the development account at <paramref name="blobEndpoint"/>.</summary>
    public static string AzuriteConnectionString(Uri blobEndpoint)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        return $"DefaultEndpointsProtocol=http;AccountName={AzuriteAccountName};AccountKey={AzuriteAccountKey};BlobEndpoint={blobEndpoint.AbsoluteUri.TrimEnd('/')};";
    }

    private static Uri Require(string variable, string what, string service)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var endpoint))
        {
            throw new InvalidOperationException(
                $"{variable} is not set{(string.IsNullOrWhiteSpace(value) ? string.Empty : $" to an absolute URI (it is '{value}')")}: this needs {what}. " +
                $"Run ./eng/test.sh, which starts it, or start it yourself in this shell: " +
                $"source eng/services.sh && start_services_for {service} (and stop_test_services afterwards).");
        }

        return endpoint;
    }
}
