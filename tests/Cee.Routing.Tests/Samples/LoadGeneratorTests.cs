using Cee.Routing.Htsus;
using Cee.Routing.Identifiers;
using Cee.Samples;

namespace Cee.Routing.Tests.Samples;

public class LoadGeneratorTests
{
    [Fact]
    public void HtsByCenter_EveryNumber_ClassifiesToItsCenter()
    {
        Assert.All(LoadGenerator.HtsByCenter, pair => Assert.All(pair.Value, hts =>
            Assert.Equal(pair.Key, HtsRuleTable.Embedded.Classify(HtsNumber.Parse(hts)).Center?.Id)));
    }

    [Fact]
    public void Generate_SameCountAndSeed_SameBytes()
    {
        var first = LoadGenerator.Generate(300, 7);
        var second = LoadGenerator.Generate(300, 7);
        var other = LoadGenerator.Generate(300, 8);

        Assert.Equal(first.Files.Select(f => f.Path), second.Files.Select(f => f.Path));
        Assert.All(first.Files.Zip(second.Files), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
        Assert.NotEqual(first.Files.Select(f => f.Content.Length), other.Files.Select(f => f.Content.Length));
    }

    [Fact]
    public void Generate_ThousandDrops_MixesEveryKindWithItsFiles()
    {
        var set = LoadGenerator.Generate(1000, 2026);

        Assert.Equal(1000, set.Mix.Values.Sum());
        Assert.Equal(14, set.Mix.Count);
        var drops = set.Files.Where(f => f.Path.StartsWith("drops/", StringComparison.Ordinal) && !f.Path.EndsWith(".cee.json", StringComparison.Ordinal)).ToList();
        Assert.Equal(1000, drops.Count);
        Assert.Equal(set.Mix["bare document with manifest"], set.Files.Count(f => f.Path.EndsWith(".cee.json", StringComparison.Ordinal)));
        Assert.Contains(set.Files, f => f.Path == "accounts.json");
        Assert.Contains(set.Files, f => f.Path == "requests.json");
        // Duplicates are exact copies of an earlier drop; nothing else repeats.
        var repeated = drops.GroupBy(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(f.Content))).Sum(g => g.Count() - 1);
        Assert.Equal(set.Mix["duplicate"], repeated);
    }
}
