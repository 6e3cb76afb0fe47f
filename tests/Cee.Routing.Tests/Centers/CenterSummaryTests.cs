using System.Text.Json;
using Cee.Routing.Centers;

namespace Cee.Routing.Tests.Centers;

public class CenterSummaryTests
{
    [Fact]
    public void From_Center_CarriesEveryFieldUnderItsContractName()
    {
        var summary = CenterSummary.From(CenterCatalog.Default.Get("CEE007"));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(summary));
        var root = json.RootElement;
        Assert.Equal("CEE007", root.GetProperty("id").GetString());
        Assert.Equal("007", root.GetProperty("teamCode").GetString());
        Assert.Equal("Electronics", root.GetProperty("name").GetString());
        Assert.Equal("cee007", root.GetProperty("topic").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("managedFrom").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("industries").GetString()));
    }
}
