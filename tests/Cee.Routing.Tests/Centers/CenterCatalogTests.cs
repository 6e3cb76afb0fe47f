using System.Text;
using System.Text.RegularExpressions;
using Cee.Routing.Centers;
using Cee.Routing.Intake;
using Cee.Routing.Messages;

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

    [Fact]
    public void CenterTopicSubscriptions_EmbeddedTopology_OneForEverythingAndOnePerKindCentersWork()
    {
        var subscriptions = CenterCatalog.Default.CenterTopicSubscriptions;

        Assert.Equal(["all", "entry-summary", "cf28-response", "cf29-response", "protest", "withdrawals"], subscriptions.Select(s => s.Name));
        Assert.Equal("1=1", subscriptions[0].SqlFilter);
    }

    [Fact]
    public void CenterTopicSubscriptions_EmbeddedTopology_FilterOnlyOnKindsACentersMessagesCarry()
    {
        var kinds = CenterCatalog.Default.CenterTopicSubscriptions
            .Where(s => s.SqlFilter != "1=1")
            .Select(s => KindIn(s.SqlFilter))
            .ToList();

        Assert.NotEmpty(kinds);
        // A routed document carries its document kind; a withdrawal, the kind "withdrawal".
        Assert.All(kinds, kind => Assert.Contains(kind, DocumentKindNames.All.Append(WithdrawalMessage.Kind)));
    }

    [Fact]
    public void TriageTopicSubscriptions_EmbeddedTopology_SplitReviewRequestsFromEscalations()
    {
        var subscriptions = CenterCatalog.Default.TriageTopicSubscriptions;

        Assert.Equal(["review-requests", "escalations"], subscriptions.Select(s => s.Name));
        Assert.Equal(["review-request", "review-escalation"], subscriptions.Select(s => KindIn(s.SqlFilter)));
    }

    [Fact]
    public void Parse_NoSubscriptionsSection_LoadsWithNoSubscriptions()
    {
        var catalog = CenterCatalog.Parse(Utf8(TopologyWith(topicOfFirst: "cee001")));

        Assert.Empty(catalog.CenterTopicSubscriptions);
        Assert.Empty(catalog.TriageTopicSubscriptions);
    }

    [Fact]
    public void Parse_SubscriptionListedTwice_IsRejected()
    {
        var json = TopologyWith(topicOfFirst: "cee001", subscriptions:
            """{ "centerTopic": [ { "name": "all", "filter": "1=1" }, { "name": "all", "filter": "kind = 'protest'" } ] }""");

        var ex = Assert.Throws<InvalidDataException>(() => CenterCatalog.Parse(Utf8(json)));

        Assert.Contains("lists subscription 'all' twice", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "Protest", "filter": "kind = 'protest'" }""", "not a lower-case Service Bus subscription name")]
    [InlineData("""{ "name": "protest", "filter": " " }""", "has no SQL filter")]
    public void Parse_InvalidSubscription_IsRejected(string subscription, string reason)
    {
        var json = TopologyWith(topicOfFirst: "cee001", subscriptions: $$"""{ "triageTopic": [ {{subscription}} ] }""");

        var ex = Assert.Throws<InvalidDataException>(() => CenterCatalog.Parse(Utf8(json)));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    private static string KindIn(string sqlFilter)
    {
        var match = Regex.Match(sqlFilter, "^kind = '([a-z0-9-]+)'$");
        Assert.True(match.Success, $"'{sqlFilter}' is not of the form kind = '<kind>'.");
        return match.Groups[1].Value;
    }

    private static MemoryStream Utf8(string json) => new(Encoding.UTF8.GetBytes(json));

    private static string TopologyWith(string topicOfFirst, string? subscriptions = null)
    {
        var centers = Enumerable.Range(1, 10).Select(i =>
            $$"""{ "id": "CEE{{i:000}}", "teamCode": "{{i:000}}", "name": "n", "managedFrom": "m", "industries": "x", "topic": "{{(i == 1 ? topicOfFirst : $"cee{i:000}")}}" }""");
        var subscriptionsProperty = subscriptions is null ? string.Empty : $$""", "subscriptions": {{subscriptions}}""";
        return $$"""{ "version": "t", "triageTopic": "cee-triage", "centers": [ {{string.Join(",", centers)}} ]{{subscriptionsProperty}} }""";
    }
}
