using Cee.Functions.Hosting;
using Cee.Routing.Htsus;
using Microsoft.Extensions.Options;

namespace Cee.Functions.Tests.Hosting;

public class RuleTableFactoryTests
{
    [Fact]
    public void Create_NoOverride_IsTheEmbeddedTable()
    {
        Assert.Same(HtsRuleTable.Embedded, RuleTableFactory.Create(Options.Create(new RulesSettings())));
    }

    [Fact]
    public void Create_BadOverrideRow_FailsNamingTheRow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cee-rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "version": "bad", "rules": [
              { "hts": "8470-8473", "center": "CEE099", "provenance": "inferred", "reason": "typo", "effective": "2027-01-01" } ] }
            """);
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => RuleTableFactory.Create(Options.Create(new RulesSettings { OverrideFile = path })));

            Assert.Contains("Rules__OverrideFile", error.Message, StringComparison.Ordinal);
            Assert.Contains("rules[0] '8470-8473'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_MissingFile_FailsNamingThePath()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            RuleTableFactory.Create(Options.Create(new RulesSettings { OverrideFile = "/nonexistent/rules.json" })));

        Assert.Contains("/nonexistent/rules.json", error.Message, StringComparison.Ordinal);
    }
}
