using Cee.Routing.Htsus;

namespace Cee.Routing.Tests.Htsus;

public class HtsDryRunTests
{
    [Fact]
    public void Classify_ValidNumbers_AnswerCenterRuleAndProvenanceInInputOrder()
    {
        var results = HtsDryRun.Classify(["8471.30.0100", "3004.90.9290"], HtsRuleTable.Embedded);

        Assert.Equal(["8471.30.0100", "3004.90.9290"], results.Select(r => r.Input));
        Assert.Equal(["CEE007", "CEE001"], results.Select(r => r.Center));
        Assert.Equal(["8470-8473", "2801-3302"], results.Select(r => r.Rule));
        Assert.Equal(["inferred", "official"], results.Select(r => r.Provenance));
        Assert.Equal("8471300100", results[0].Hts);
        Assert.Equal("Electronics", results[0].CenterName);
        Assert.All(results, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Classify_MalformedNumber_IsInvalidWithTheReasonAndNoCenter()
    {
        var result = Assert.Single(HtsDryRun.Classify(["84713"], HtsRuleTable.Embedded));

        Assert.False(result.Valid);
        Assert.Null(result.Hts);
        Assert.Null(result.Center);
        Assert.Contains("2, 4, 6, 8 or 10 digits", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_SpecialProvision_IsValidWithoutCenter()
    {
        var result = Assert.Single(HtsDryRun.Classify(["9903.88.15"], HtsRuleTable.Embedded));

        Assert.True(result.Valid);
        Assert.Null(result.Center);
        Assert.Contains("special provision", result.Error, StringComparison.Ordinal);
    }
}
