using Cee.Functions.Http;
using Cee.Functions.Identity;
using Cee.Functions.Tests.Support;
using Cee.Routing.Centers;
using Microsoft.AspNetCore.Mvc;

namespace Cee.Functions.Tests.Http;

public class CentersApiTests
{
    [Fact]
    public void ListCenters_ReturnsTheTenCentersOfTheCatalog()
    {
        var result = new CentersApi(Principals.Access()).ListCenters(Requests.SignedIn("/api/centers", null, AppRoles.Reader));

        var centers = Assert.IsAssignableFrom<IReadOnlyList<CenterSummary>>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal(CenterCatalog.Default.All.Select(CenterSummary.From), centers);
        Assert.Equal(10, centers.Count);
    }
}
