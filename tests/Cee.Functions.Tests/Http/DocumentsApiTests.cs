using Cee.Functions.Http;
using Cee.Functions.Identity;
using Cee.Functions.Tests.Support;
using Cee.Routing.Ledger;
using Cee.Routing.Ports;
using Microsoft.AspNetCore.Mvc;
using Moq;

namespace Cee.Functions.Tests.Http;

public class DocumentsApiTests
{
    [Fact]
    public async Task GetDocumentAsync_KnownDocument_ReturnsItsLedgerRecord()
    {
        var record = Ledgers.Record("d0123456789abcdef0123456789abcdef-001", LedgerState.AwaitingReview);
        var ledger = new Mock<IRoutingLedger>();
        ledger.Setup(l => l.GetAsync(record.Id, It.IsAny<CancellationToken>())).ReturnsAsync(record);

        var result = await new DocumentsApi(ledger.Object, Principals.Access()).GetDocumentAsync(Requests.SignedIn("/api/documents/" + record.Id, null, AppRoles.Reader), record.Id, CancellationToken.None);

        Assert.Same(record, Assert.IsType<OkObjectResult>(result).Value);
    }

    [Fact]
    public async Task GetDocumentAsync_UnknownDocument_IsANotFoundProblemThatNeverEchoesAnSsn()
    {
        var ledger = new Mock<IRoutingLedger>();

        var result = await new DocumentsApi(ledger.Object, Principals.Access()).GetDocumentAsync(Requests.SignedIn("/api/documents/x", null, AppRoles.Reader), "123-45-6789", CancellationToken.None);

        var problem = Requests.Problem(result, 404, "No such document");
        Assert.DoesNotContain("123-45-6789", problem.Detail, StringComparison.Ordinal);
    }
}
