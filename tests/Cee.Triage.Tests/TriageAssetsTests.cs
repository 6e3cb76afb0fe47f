namespace Cee.Triage.Tests;

/// <summary>The console's files as both hosts serve them: embedded, by name only, with their types.</summary>
public sealed class TriageAssetsTests
{
    [Fact]
    public void All_Embedded_AreThePageItsStylesheetAndItsScript()
    {
        Assert.Equal(["index.html", "triage.css", "triage.js"], TriageAssets.All.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("text/javascript; charset=utf-8", TriageAssets.Find("triage.js")!.ContentType);
        Assert.Same(TriageAssets.Find("index.html"), TriageAssets.Find(null));
    }

    [Theory]
    [InlineData("../Cee.Triage.dll")]
    [InlineData("wwwroot/index.html")]
    [InlineData("index.html/")]
    [InlineData("INDEX.HTML")]
    public void Find_AnyOtherName_IsNothing(string name) => Assert.Null(TriageAssets.Find(name));

    [Fact]
    public void Page_LoadsNothingFromAnotherOrigin()
    {
        var page = System.Text.Encoding.UTF8.GetString(TriageAssets.Find("index.html")!.Content);
        var script = System.Text.Encoding.UTF8.GetString(TriageAssets.Find("triage.js")!.Content);

        Assert.DoesNotContain("http", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http:", script, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", script, StringComparison.Ordinal);
        Assert.Contains("<script src=\"triage.js\" defer></script>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdf", "application/pdf")]
    [InlineData("png", "image/png")]
    [InlineData("jpeg", "image/jpeg")]
    [InlineData("tiff", "image/tiff")]
    [InlineData("unknown", "application/octet-stream")]
    public void MediaType_DetectedType_IsWhatTheBytesShow(string detected, string expected) => Assert.Equal(expected, DocumentMediaTypes.Of(detected));
}
