using Cee.Routing.Htsus;
using Cee.Routing.Identifiers;
using static Cee.Routing.Tests.Htsus.RuleTableJson;

namespace Cee.Routing.Tests.Htsus;

public class RuleTableValidationTests
{
    [Fact]
    public void Load_OverlappingHeadingRanges_FailsNamingTheRow()
    {
        using var json = Table(AllChapters, Row("8470-8473", "CEE007"), Row("8473-8475", "CEE010"));

        var ex = Assert.Throws<HtsRuleTableException>(() => HtsRuleTable.Load(json, "test.json"));

        Assert.Equal(2, ex.RowIndex);
        Assert.Equal("8473-8475", ex.RowKey);
        Assert.Contains("overlaps row '8470-8473'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rules[2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameRangeTwice_FailsAsOverlap()
    {
        using var json = Table(AllChapters, Row("4014", "CEE001", "official"), Row("4014", "CEE009"));

        var ex = Assert.Throws<HtsRuleTableException>(() => HtsRuleTable.Load(json, "test.json"));

        Assert.Contains("overlaps", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NestedRowsAtDifferentLevels_AreNotOverlaps()
    {
        using var json = Table(AllChapters, Row("8470-8473", "CEE007"), Row("847130", "CEE010"));

        var table = HtsRuleTable.Load(json, "test.json");

        Assert.Equal("CEE010", table.Classify(HtsNumber.Parse("8471.30.0100")).Center?.Id);
        Assert.Equal("CEE007", table.Classify(HtsNumber.Parse("8471.41.0150")).Center?.Id);
        Assert.Equal("CEE002", table.Classify(HtsNumber.Parse("8474.10.0010")).Center?.Id);
    }

    [Theory]
    [InlineData("CEE011", "not an ACE Center ID")]
    [InlineData("NOTELG", "importer-account state")]
    [InlineData("PNDING", "importer-account state")]
    public void Load_UnknownCenter_FailsNamingTheRow(string center, string reason)
    {
        using var json = Table(AllChapters, Row("8471", center));

        var ex = Assert.Throws<HtsRuleTableException>(() => HtsRuleTable.Load(json, "test.json"));

        Assert.Equal(1, ex.RowIndex);
        Assert.Equal("8471", ex.RowKey);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("847")]
    [InlineData("84713")]
    [InlineData("84710000")]
    [InlineData("8471.30")]
    [InlineData("84-8473")]
    [InlineData("8470-")]
    [InlineData("abcd")]
    [InlineData("")]
    public void Load_MalformedPrefix_FailsNamingTheRow(string hts)
    {
        using var json = Table(AllChapters, Row(hts, "CEE007"));

        var ex = Assert.Throws<HtsRuleTableException>(() => HtsRuleTable.Load(json, "test.json"));

        Assert.Equal(1, ex.RowIndex);
        Assert.Contains("'hts' must be", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BackwardsRange_Fails()
    {
        using var json = Table(AllChapters, Row("8473-8470", "CEE007"));

        var ex = Assert.Throws<HtsRuleTableException>(() => HtsRuleTable.Load(json, "test.json"));

        Assert.Contains("backwards", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "hts": "8471", "center": "CEE007", "provenance": "official", "effective": "2015-01-28" }""", "must name its notice")]
    [InlineData("""{ "hts": "8471", "center": "CEE007", "provenance": "inferred", "effective": "2015-01-28" }""", "must say why")]
    [InlineData("""{ "hts": "8471", "center": "CEE007", "provenance": "guess", "reason": "x", "effective": "2015-01-28" }""", "'provenance' must be")]
    [InlineData("""{ "hts": "8471", "center": "CEE007", "provenance": "inferred", "reason": "x", "effective": "28/01/2015" }""", "'effective' must be a date")]
    public void Load_IncompleteRow_FailsWithTheMissingField(string row, string reason)
    {
        using var json = Table(AllChapters, row);

        var ex = Assert.Throws<HtsRuleTableException>(() => HtsRuleTable.Load(json, "test.json"));

        Assert.Equal(1, ex.RowIndex);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ChapterWithoutRow_FailsNamingTheChapters()
    {
        using var json = Table(Row("01-44", "CEE002"), Row("46-97", "CEE008"));

        var ex = Assert.Throws<HtsRuleTableException>(() => HtsRuleTable.Load(json, "test.json"));

        Assert.Contains("chapter(s) 45", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "version": "x" }""")]
    [InlineData("""{ "version": "x", "rules": [ 42 ] }""")]
    public void Load_NotARulesTable_FailsClearly(string text)
    {
        using var json = Stream(text);

        var ex = Assert.Throws<HtsRuleTableException>(() => HtsRuleTable.Load(json, "test.json"));

        Assert.StartsWith("test.json:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithOverride_CorrectingAnInferredRow_ReplacesIt()
    {
        // A Center decides that 8470-8473 belongs with Machinery after all.
        using var json = Table(Row("8470-8473", "CEE010", "inferred", "Machinery Center correction"));

        var table = HtsRuleTable.Embedded.WithOverride(json, "machinery-fix.json");

        var result = table.Classify(HtsNumber.Parse("8471.30.0100"));
        Assert.Equal("CEE010", result.Center?.Id);
        Assert.Equal("machinery-fix.json", result.Rule?.Origin);
        Assert.Equal("Machinery Center correction", result.Rule?.Source);
        Assert.Equal(HtsRuleTable.Embedded.Rules.Count, table.Rules.Count);
        Assert.Equal("2026-11-22+test-1", table.Version);
        // The embedded table itself is untouched.
        Assert.Equal("CEE007", HtsRuleTable.Embedded.Classify(HtsNumber.Parse("8471.30.0100")).Center?.Id);
    }

    [Fact]
    public void WithOverride_NewSubheadingRow_WinsAsLongestPrefix()
    {
        using var json = Table(Row("851762", "CEE010", "inferred", "network switches handled with machinery"));

        var table = HtsRuleTable.Embedded.WithOverride(json, "override.json");

        Assert.Equal("CEE010", table.Classify(HtsNumber.Parse("8517.62.0090")).Center?.Id);
        Assert.Equal("CEE007", table.Classify(HtsNumber.Parse("8517.13.0000")).Center?.Id);
    }

    [Fact]
    public void WithOverride_RowOverlappingADifferentEmbeddedRange_FailsNamingBoth()
    {
        using var json = Table(Row("8472-8474", "CEE010"));

        var ex = Assert.Throws<HtsRuleTableException>(() => HtsRuleTable.Embedded.WithOverride(json, "override.json"));

        Assert.Contains("8470-8473", ex.Message, StringComparison.Ordinal);
        Assert.Contains("8472-8474", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadWithOverride_File_AppliesItsRows()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cee-rules-{Guid.NewGuid():N}.json");
        using (var json = Table(Row("9020", "CEE001", "inferred", "breathing appliances are medical")))
        using (var file = File.Create(path))
        {
            json.CopyTo(file);
        }

        try
        {
            var table = HtsRuleTable.LoadWithOverride(path);
            Assert.Equal("CEE001", table.Classify(HtsNumber.Parse("9020.00.6000")).Center?.Id);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
