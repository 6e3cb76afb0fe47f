using Cee.Functions.Http;
using Cee.Functions.Identity;
using Cee.Functions.Tests.Support;
using Cee.Routing.Cosmos;
using Cee.Routing.Ledger;
using Microsoft.AspNetCore.Mvc;
using Moq;

namespace Cee.Functions.Tests.Http;

public class EntriesApiTests
{
    [Theory]
    [InlineData("00261103162")]
    [InlineData("002-6110316-2")]
    public async Task GetEntryDocumentsAsync_ValidEntry_AsksTheLedgerForTheNormalizedNumber(string written)
    {
        var record = Ledgers.Record("d0123456789abcdef0123456789abcdef-001", LedgerState.Routed);
        var queries = new Mock<ILedgerQueries>(MockBehavior.Strict);
        queries.Setup(q => q.GetDocumentsOfEntryAsync("002-6110316-2", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LedgerPage([record], null, ["d9-001"]));

        var result = await new EntriesApi(queries.Object, Principals.Access()).GetEntryDocumentsAsync(
            Requests.SignedIn($"/api/entries/{written}/documents", null, AppRoles.Reader), written, CancellationToken.None);

        var answer = Assert.IsType<EntryDocuments>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal("002-6110316-2", answer.Entry);
        Assert.Same(record, Assert.Single(answer.Documents));
        Assert.Equal(["d9-001"], answer.Unreadable);
    }

    [Theory]
    [InlineData("002-6110316-3", "check digit is 3; the number computes 2")]
    [InlineData("002-611031", "11 characters")]
    public async Task GetEntryDocumentsAsync_NotAnEntryNumber_IsABadRequestProblemWithTheReason(string written, string reason)
    {
        var queries = new Mock<ILedgerQueries>(MockBehavior.Strict);

        var result = await new EntriesApi(queries.Object, Principals.Access()).GetEntryDocumentsAsync(
            Requests.SignedIn($"/api/entries/{written}/documents", null, AppRoles.Reader), written, CancellationToken.None);

        var problem = Requests.Problem(result, 400, "The entry number is not valid");
        Assert.Contains(reason, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEntryDocumentsAsync_SsnInsteadOfAnEntry_NeverEchoesIt()
    {
        var queries = new Mock<ILedgerQueries>(MockBehavior.Strict);

        var result = await new EntriesApi(queries.Object, Principals.Access()).GetEntryDocumentsAsync(
            Requests.SignedIn("/api/entries/x/documents", null, AppRoles.Reader), "123-45-6789", CancellationToken.None);

        Assert.DoesNotContain("123-45-6789", Requests.Problem(result, 400, "The entry number is not valid").Detail, StringComparison.Ordinal);
    }
}
