using System.Net;
using Cee.Routing.Accounts;
using Cee.Routing.Cosmos.Tests.Support;
using Cee.Routing.Intake;
using Microsoft.Azure.Cosmos;
using Moq;

namespace Cee.Routing.Cosmos.Tests.Failures;

/// <summary>The directories over a strict Moq container: missing items, unreadable items, refused writes.</summary>
public class CosmosDirectoryFailureTests
{
    private static readonly ImporterRef Electronics = new("12-345678900", "12345678900", "ein");

    private readonly Mock<Container> _container = new(MockBehavior.Strict);
    private readonly RecordingTimeProvider _time = new();
    private readonly CosmosRoutingOptions _options = new() { AccountEndpoint = new Uri("https://cee-prod.documents.azure.com:443/") };

    private CosmosImporterAccountDirectory Accounts() => new(_container.Object, _options, _time, new CapturingLogger<CosmosImporterAccountDirectory>());

    private CosmosCbpRequestDirectory Requests() => new(_container.Object, _options, _time, new CapturingLogger<CosmosCbpRequestDirectory>());

    [Fact]
    public async Task FindAsync_NoAccount_ReturnsUnknownWithTheImportersKeyAndMaskedNumber()
    {
        _container.Setup(c => c.ReadItemStreamAsync("12345678900", It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Responses.Status(HttpStatusCode.NotFound));

        var account = await Accounts().FindAsync(Electronics, default);

        Assert.Equal(AccountStatus.Unknown, account.Status);
        Assert.Equal(("12345678900", "12-345678900"), (account.LookupKey, account.Importer));
    }

    [Fact]
    public async Task FindAsync_AssignedAccountWithoutCenter_ThrowsAFormatException()
    {
        _container.Setup(c => c.ReadItemStreamAsync("12345678900", It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Responses.Status(HttpStatusCode.OK, etag: "\"a\"", body:
                "{\"id\":\"12345678900\",\"schemaVersion\":1,\"lookupKey\":\"12345678900\",\"importer\":\"12-345678900\",\"status\":\"assigned\",\"center\":null,\"trustedTrader\":[]}"));

        var ex = await Assert.ThrowsAsync<CosmosItemFormatException>(() => Accounts().FindAsync(Electronics, default));

        Assert.Equal(("importer-accounts", "12345678900"), (ex.Container, ex.ItemId));
        Assert.Contains("assigned but names no Center", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("078051120", "***-**-1120")] // an SSN as the key
    [InlineData("12345678900", "078-05-1120")] // an SSN as the number
    public async Task UpsertAsync_AccountHoldingAnSsn_IsRefusedAndNothingIsWritten(string lookupKey, string importer)
    {
        // Strict mock: a write would throw a MockException instead of the ArgumentException.
        var account = new ImporterAccount(lookupKey, importer, AccountStatus.Assigned, "CEE008", []);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Accounts().UpsertAsync(account, default));

        Assert.DoesNotContain("078", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindIssuingCenterAsync_UnknownRequest_ReturnsNull()
    {
        _container.Setup(c => c.ReadItemStreamAsync("CF28-2026-004417", It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Responses.Status(HttpStatusCode.NotFound));

        Assert.Null(await Requests().FindIssuingCenterAsync(" cf28-2026-004417 ", default));
    }

    [Theory]
    [InlineData("CF28/2026/004417")]
    [InlineData("")]
    public async Task FindIssuingCenterAsync_IdThatCannotBeARequestId_ReturnsNullWithoutAsking(string requestId)
    {
        // Strict mock: a read would throw.
        Assert.Null(await Requests().FindIssuingCenterAsync(requestId, default));
    }
}
