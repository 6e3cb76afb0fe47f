using System.Text;
using Cee.Routing.Centers;

namespace Cee.Routing.Tests.Centers;

public class CenterCatalogTests
{
    [Fact]
    public void All_TenCentersInIdOrder_WithTeamCodesAndUniqueTopics()
    {
        var centers = CenterCatalog.Default.All;

        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"CEE{i:000}"), centers.Select(c => c.Id));
        Assert.All(centers, c => Assert.Equal(c.Id[3..], c.TeamCode));
        Assert.Equal(11, centers.Select(c => c.Topic).Append(CenterCatalog.Default.TriageTopic).Distinct().Count());
    }

    [Theory]
    [InlineData("CEE001", "Pharmaceuticals, Health & Chemicals", "New York")]
    [InlineData("CEE003", "Automotive & Aerospace", "Detroit")]
    [InlineData("CEE007", "Electronics", "Los Angeles")]
    [InlineData("CEE010", "Machinery", "Laredo")]
    [InlineData("cee007", "Electronics", "Los Angeles")]
    public void TryGet_CenterId_FindsTheCenter(string id, string name, string office)
    {
        Assert.True(CenterCatalog.Default.TryGet(id, out var center));
        Assert.Equal(name, center.Name);
        Assert.Equal(office, center.ManagedFrom);
    }

    [Theory]
    [InlineData("NOTELG", "importer-account state")]
    [InlineData("PNDING", "importer-account state")]
    [InlineData("CEE011", "not an ACE Center ID")]
    [InlineData("", "not an ACE Center ID")]
    public void TryGet_NotACenter_ReturnsFalseAndDescribesWhy(string id, string reason)
    {
        Assert.False(CenterCatalog.Default.TryGet(id, out _));
        Assert.Contains(reason, CenterCatalog.DescribeUnknown(id), StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => CenterCatalog.Default.Get(id));
    }

    [Fact]
    public void Parse_TopicWithUpperCase_IsRejected()
    {
        var json = TopologyWith(topicOfFirst: "CEE001");

        var ex = Assert.Throws<InvalidDataException>(() => CenterCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("not a lower-case Service Bus entity name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateTopic_IsRejected()
    {
        var json = TopologyWith(topicOfFirst: "cee002");

        var ex = Assert.Throws<InvalidDataException>(() => CenterCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("reuses topic", ex.Message, StringComparison.Ordinal);
    }

    private static string TopologyWith(string topicOfFirst)
    {
        var centers = Enumerable.Range(1, 10).Select(i =>
            $$"""{ "id": "CEE{{i:000}}", "teamCode": "{{i:000}}", "name": "n", "managedFrom": "m", "industries": "x", "topic": "{{(i == 1 ? topicOfFirst : $"cee{i:000}")}}" }""");
        return $$"""{ "version": "t", "triageTopic": "cee-triage", "centers": [ {{string.Join(",", centers)}} ] }""";
    }
}
