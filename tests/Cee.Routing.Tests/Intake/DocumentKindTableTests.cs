using System.Text;
using Cee.Routing.Intake;

namespace Cee.Routing.Tests.Intake;

public class DocumentKindTableTests
{
    [Fact]
    public void Embedded_Loads_WithAVersionAndEveryKindButOtherPresent()
    {
        var table = DocumentKindTable.Embedded;

        Assert.False(string.IsNullOrWhiteSpace(table.Version));
        Assert.Equal(
            [DocumentKind.EntrySummary, DocumentKind.Cf28Response, DocumentKind.Cf29Response, DocumentKind.Protest],
            table.Rules.Select(r => r.Kind).Distinct().Order());
        Assert.All(table.Rules, r => Assert.StartsWith("embedded ", r.Origin, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Commercial Invoice", DocumentKind.EntrySummary)]
    [InlineData("COMMERCIAL-INVOICE", DocumentKind.EntrySummary)]
    [InlineData("CF-28", DocumentKind.Cf28Response)]
    [InlineData("cf 28 response", DocumentKind.Cf28Response)]
    [InlineData("Response to Request for Information", DocumentKind.Cf28Response)]
    [InlineData("CBP Form 29", DocumentKind.Cf29Response)]
    [InlineData("CBP Form 19", DocumentKind.Protest)]
    public void Match_KnownLabels_ReturnTheirKind(string label, DocumentKind kind) =>
        Assert.Equal(kind, DocumentKindTable.Embedded.Match(label)!.Kind);

    [Theory]
    [InlineData("CBP Form 281")]
    [InlineData("CBP Form 3461")]
    [InlineData("")]
    [InlineData(null)]
    public void Match_OtherLabels_ReturnNull(string? label) =>
        Assert.Null(DocumentKindTable.Embedded.Match(label));

    [Fact]
    public void WithOverride_OverrideRows_AreMatchedBeforeEmbeddedRows()
    {
        using var json = new MemoryStream("""{ "version": "ceeo-2027", "labels": [ { "label": "*Packing List*", "kind": "other" } ] }"""u8.ToArray());

        var table = DocumentKindTable.Embedded.WithOverride(json, "labels.json");

        var rule = table.Match("Packing List")!;
        Assert.Equal((DocumentKind.Other, "labels.json"), (rule.Kind, rule.Origin));
        Assert.EndsWith("+ceeo-2027", table.Version, StringComparison.Ordinal);
        Assert.Equal(DocumentKind.EntrySummary, table.Match("Commercial Invoice")!.Kind);
    }

    [Theory]
    [InlineData("""{ "version": "x", "labels": [ { "label": "CBP Form 28", "kind": "cf-28" } ] }""", "unknown kind 'cf-28'")]
    [InlineData("""{ "version": "x", "labels": [ { "label": " - ", "kind": "other" } ] }""", "no 'label'")]
    [InlineData("""{ "version": "x" }""", "no 'labels' array")]
    [InlineData("""{ "labels": [ }""", "not a label table")]
    public void Load_InvalidTable_ThrowsNamingTheProblem(string text, string says)
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var ex = Assert.Throws<DocumentKindTableException>(() => DocumentKindTable.Load(json, "bad.json"));

        Assert.Contains(says, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A*B", "AXYZB", true)]
    [InlineData("A*B", "AB", true)]
    [InlineData("*INVOICE*", "PRO FORMA INVOICE COPY", true)]
    [InlineData("A*B", "AXYZ", false)]
    [InlineData("CF 28 *", "CF 281", false)]
    [InlineData("**", "", true)]
    public void GlobMatches_Patterns_MatchAsDocumented(string pattern, string text, bool matches) =>
        Assert.Equal(matches, DocumentKindTable.GlobMatches(pattern, text));
}
