using System.Buffers.Binary;
using System.Drawing;
using System.Net.Http.Json;
using Cee.Routing.Inbox;
using Cee.Routing.Ledger;
using Cee.Tests;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;

namespace Cee.Triage.Tests;

/// <summary>
/// The triage console in a real browser (headless Chromium) against <c>cee review serve</c> over a
/// <c>cee route</c> of the samples, whose three drops wait for a person: the unlabelled PNG scan,
/// the HTSUS tie (one medicament line, one computer line) and the drop naming two importers.
/// </summary>
public sealed class TriageConsoleBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Tie = "2304/entry-summary-tie.xml";
    private const string Scan = "2006/unlabelled-scan.png";
    private const string TwoImporters = "2709/entry-summary-two-importers.xml";

    /// <summary>Where the 1280x800 screenshot is kept: artifacts/test/triage/ (eng/test.sh keeps artifacts/test/).</summary>
    public static string ScreenshotPath => RepositoryPaths.Combine("artifacts", "test", "triage", "triage-console-1280x800.png");

    private ChromeDriver Driver => chromium.Driver;

    [Fact]
    public async Task List_Samples_ShowsTheirReviewItemsOldestFirstWithTheFactsToDecide()
    {
        await using var served = await ServedOutput.StartAsync();
        Open(served);

        var expected = served.AwaitingReview().Select(r => r.Subject.DropId).Distinct().ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, QueueIds());
        Assert.Equal("3 drop(s) awaiting review.", Driver.FindElement(By.Id("summary")).Text);

        Select(served.DropIdOf(Tie));
        Assert.Equal("2304 Laredo", Fact("port"));
        Assert.Equal("A47-5501968-5", Fact("entries"));
        Assert.Equal(served.RecordsOf(served.DropIdOf(Tie))[0].Subject.Importer, Fact("importer"));
        Assert.Equal("not escalated", Fact("escalation"));
        Assert.EndsWith(" UTC", Fact("deadline"), StringComparison.Ordinal);
        Assert.Contains(Driver.FindElements(By.CssSelector("#reasons li")), r => r.Text.Contains("tie between CEE001", StringComparison.Ordinal));
        var candidates = Driver.FindElements(By.CssSelector("#candidates button")).Select(b => b.Text).ToList();
        Assert.Equal(["1: CEE001 Pharmaceuticals, Health & Chemicals, 1 HTS line(s)", "2: CEE007 Electronics, 1 HTS line(s)"], candidates);

        // Kept as a test artifact: what a reviewer sees at 1280x800, the PDF drawn.
        var frame = Driver.FindElement(By.CssSelector("#viewer iframe"));
        chromium.Until(_ => Script("return arguments[0].contentDocument?.readyState;", frame) as string == "complete", "the PDF loaded");
        Thread.Sleep(TimeSpan.FromSeconds(1));
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(ScreenshotPath);
        Assert.Equal(Chromium.Desktop, PngSize(ScreenshotPath));
    }

    [Fact]
    public async Task Document_PdfAndPng_PdfInTheViewerAndTheImageInline()
    {
        await using var served = await ServedOutput.StartAsync();
        Open(served);

        Select(served.DropIdOf(Scan));
        var image = chromium.Until(d => d.FindElement(By.CssSelector("#viewer img")), "the scan shown inline");
        chromium.Until(_ => Convert.ToInt64(Script("return arguments[0].complete && arguments[0].naturalWidth;", image), System.Globalization.CultureInfo.InvariantCulture) > 0, "the scan's pixels loaded");

        Select(served.DropIdOf(Tie));
        var frame = chromium.Until(d => d.FindElement(By.CssSelector("#viewer iframe")), "the PDF in a frame");
        var source = frame.GetAttribute("src")!;
        Assert.EndsWith($"/api/reviews/{served.DropIdOf(Tie)}/documents/{served.DropIdOf(Tie)}-001", source, StringComparison.Ordinal);
        var type = ((IJavaScriptExecutor)Driver).ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));", source);
        Assert.Equal("200 application/pdf", type);
    }

    [Fact]
    public async Task Decide_CenterAndComment_RoutesTheDocumentAndShowsTheNextItem()
    {
        await using var served = await ServedOutput.StartAsync();
        Open(served);
        var tie = served.DropIdOf(Tie);

        var before = QueueIds();
        var rest = before.Where(id => id != tie).ToList();
        var next = rest[Math.Min(before.IndexOf(tie), rest.Count - 1)];

        Select(tie);
        Driver.FindElement(By.CssSelector("#candidates button[data-center='CEE001']")).Click();
        Driver.FindElement(By.Id("note")).SendKeys("The medicament line is the entry's main article.");
        Driver.FindElement(By.Id("submit")).Click();

        chromium.Until(_ => QueueIds().Count == 2, "the decided drop left the list");
        Assert.Equal(rest, QueueIds());
        Assert.Contains("sent to CEE001", Driver.FindElement(By.Id("status")).Text, StringComparison.Ordinal);
        Assert.Equal(next, CurrentId());
        AssertRouted(served, tie, "CEE001", "The medicament line is the entry's main article.");
    }

    [Fact]
    public async Task Decide_SomeoneDecidedFirst_ShowsTheConflictPlainlyAndKeepsTheFirstDecision()
    {
        await using var served = await ServedOutput.StartAsync();
        Open(served);
        var tie = served.DropIdOf(Tie);
        Select(tie);

        // Another reviewer's decision arrives while this page still shows the drop.
        using (var first = await served.Http.PostAsJsonAsync(new Uri($"api/reviews/{tie}", UriKind.Relative), new { center = "CEE007", note = "computers" }))
        {
            first.EnsureSuccessStatusCode();
        }

        Driver.FindElement(By.CssSelector("#candidates button[data-center='CEE001']")).Click();
        Driver.FindElement(By.Id("submit")).Click();

        var alert = chromium.Until(d => d.FindElement(By.Id("alert")) is { Displayed: true } a ? a : null, "the conflict shown")!;
        Assert.StartsWith("Conflict: your decision was not recorded.", alert.Text, StringComparison.Ordinal);
        Assert.Contains("decided first: Routed to CEE007", alert.Text, StringComparison.Ordinal);
        chromium.Until(_ => QueueIds().Count == 2, "the list reloaded without the decided drop");
        AssertRouted(served, tie, "CEE007", "computers");
    }

    [Fact]
    public async Task Keyboard_NextPickCommentAndSubmitWithKeysOnly_Decides()
    {
        await using var served = await ServedOutput.StartAsync();
        Open(served);
        var tie = served.DropIdOf(Tie);
        var ids = QueueIds();

        // j/k walk the list from the first item to the tie, 2 picks its second candidate and moves to the comment.
        var keys = new Actions(Driver);
        for (var i = 0; i < ids.IndexOf(tie); i++)
        {
            keys.SendKeys("j");
        }

        keys.Perform();
        chromium.Until(_ => CurrentId() == tie, "j moved to the tie");
        Assert.Equal("item-title", ActiveId());
        new Actions(Driver).SendKeys("2").Perform();
        Assert.Equal("note", ActiveId());
        Assert.Equal("CEE007", Driver.FindElement(By.Id("center")).GetAttribute("value"));
        new Actions(Driver).SendKeys("Decided at the keyboard.").KeyDown(Keys.Control).SendKeys(Keys.Enter).KeyUp(Keys.Control).Perform();

        chromium.Until(_ => !QueueIds().Contains(tie), "the decided drop left the list");
        Assert.Equal("item-title", ActiveId());
        AssertRouted(served, tie, "CEE007", "Decided at the keyboard.");

        // Tab reaches every control of the decision in order, each visibly focused.
        var reached = new List<string>();
        for (var i = 0; i < 30 && !reached.Contains("submit"); i++)
        {
            new Actions(Driver).SendKeys(Keys.Tab).Perform();
            reached.Add(ActiveId());
        }

        Assert.True(reached.IndexOf("center") < reached.IndexOf("note") && reached.IndexOf("note") < reached.IndexOf("submit"), string.Join(",", reached));
    }

    [Fact]
    public async Task Layout_NarrowScreen_OneColumnWithNoSidewaysScrolling()
    {
        await using var served = await ServedOutput.StartAsync();
        try
        {
            chromium.Viewport(new Size(390, 844));
            Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
            Open(served);
            Select(served.DropIdOf(Tie));

            Assert.True(Convert.ToInt64(Script("return document.documentElement.scrollWidth - window.innerWidth;"), System.Globalization.CultureInfo.InvariantCulture) <= 0, "the page scrolls sideways");
            var queue = Driver.FindElement(By.Id("queue")).Location;
            var item = Driver.FindElement(By.Id("item")).Location;
            Assert.True(item.Y > queue.Y, "the item is below the list");
            Assert.True(Driver.FindElement(By.Id("submit")).Size.Width <= 390);
            var widest = Script("return Math.max(...[...document.querySelectorAll('#queue button, #item-title, #facts, #reasons, #decide, #viewer')].map(e => e.getBoundingClientRect().right));");
            Assert.True(Convert.ToDouble(widest, System.Globalization.CultureInfo.InvariantCulture) <= 390, $"an element ends at {widest} px, past the 390 px screen");
            ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(Path.Combine(Path.GetDirectoryName(ScreenshotPath)!, "triage-console-390x844.png"));
        }
        finally
        {
            chromium.ResetViewport();
        }
    }

    [Fact]
    public async Task List_ImporterIsAnSsn_ShownMaskedOnly()
    {
        // A sole proprietor with no account, whose lines tie: a person decides, and sees the SSN masked.
        await using var served = await ServedOutput.StartAsync(drops =>
        {
            File.Copy(Path.Combine(drops, "1704", "furniture-invoice.jpg"), Path.Combine(drops, "1704", "proprietor-invoice.jpg"));
            File.WriteAllText(Path.Combine(drops, "1704", "proprietor-invoice.jpg.cee.json"), """
                { "port": "1704", "filer": "A47", "entryNumbers": ["A47-5501984-2"], "importerNumber": "219-09-9999",
                  "documentLabel": "Commercial Invoice", "cbpRequestId": "UNSOLICITED",
                  "lines": [ { "hts": "3004.90.9290", "line": 1 }, { "hts": "8471.30.0100", "line": 2 } ] }
                """);
        });
        Open(served);

        Select(served.DropIdOf("1704/proprietor-invoice.jpg"));
        Assert.Equal("***-**-9999", Fact("importer"));
        Assert.DoesNotContain("219-09-9999", Driver.PageSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_DocumentTransferredTooOften_ListedWithItsReasonAndSentToThePickedCenter()
    {
        await using var served = await ServedOutput.StartAsync();
        var routed = TransferLimitReviewTests.RoutedDocument(served);
        var other = routed.Center == "CEE005" ? "CEE006" : "CEE005";
        await TransferLimitReviewTests.InboxAsync(served, routed.Center!, "--transfer", routed.Id, "--to", other, "--reason", "hot-rolled steel coil", "--max-transfers", "1");
        await TransferLimitReviewTests.InboxAsync(served, other, "--transfer", routed.Id, "--to", routed.Center!, "--reason", "not steel", "--max-transfers", "1");
        Open(served);

        Select(routed.Id);
        Assert.Contains(Driver.FindElements(By.CssSelector("#reasons li")), r => r.Text.StartsWith($"Transferred 1 time(s) between {routed.Center}, {other}", StringComparison.Ordinal));
        Driver.FindElement(By.CssSelector("#candidates button[data-center='CEE009']")).Click();
        Driver.FindElement(By.Id("note")).SendKeys("Footwear, HTSUS 6403.99.");
        Driver.FindElement(By.Id("submit")).Click();

        chromium.Until(_ => !QueueIds().Contains(routed.Id), "the decided document left the list");
        Assert.Contains($"Document {routed.Id} sent to CEE009", Driver.FindElement(By.Id("status")).Text, StringComparison.Ordinal);
        var record = TransferLimitReviewTests.Record(served, routed.Id);
        Assert.Equal((LedgerState.Transferred, "CEE009"), (record.State, record.Center));
        Assert.EndsWith("Footwear, HTSUS 6403.99.", record.History[^1].Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(served.Out, "topics", "cee009", $"{CenterMessages.TransferMessageId(routed.Id, 2)}.json")));
    }

    private void Open(ServedOutput served)
    {
        Driver.Navigate().GoToUrl(served.Page);
        chromium.Until(d => d.FindElement(By.Id("summary")).Text.Contains("awaiting review", StringComparison.Ordinal), "the list loaded");
    }

    private List<string> QueueIds() =>
        [.. Driver.FindElements(By.CssSelector("#queue button")).Select(b => b.GetAttribute("data-review-id")!)];

    private string? CurrentId() =>
        Driver.FindElements(By.CssSelector("#queue button[aria-current='true']")).SingleOrDefault()?.GetAttribute("data-review-id");

    private void Select(string reviewId)
    {
        Driver.FindElement(By.CssSelector($"#queue button[data-review-id='{reviewId}']")).Click();
        chromium.Until(_ => CurrentId() == reviewId, $"drop {reviewId} shown");
    }

    private string Fact(string name) => Driver.FindElement(By.CssSelector($"#facts dd[data-fact='{name}']")).Text;

    private string ActiveId() => (string)Script("return document.activeElement.id;")!;

    private object? Script(string script, params object[] arguments) => ((IJavaScriptExecutor)Driver).ExecuteScript(script, arguments);

    private static void AssertRouted(ServedOutput served, string dropId, string center, string note)
    {
        var record = Assert.Single(served.RecordsOf(dropId));
        Assert.Equal(LedgerState.Routed, record.State);
        Assert.Equal(center, record.Center);
        Assert.EndsWith("(cee review serve)", record.Decision!.Reviewer, StringComparison.Ordinal);
        Assert.EndsWith(note, record.Decision.Reasons[^1], StringComparison.Ordinal);
        Assert.Equal(["received", "validated", "awaiting-review", "publish-intent", "routed"], record.History.Select(h => h.Step));
        var message = File.ReadAllText(Path.Combine(served.Out, "topics", center.ToLowerInvariant(), $"{record.Id}.json"));
        Assert.Contains($"\"center\":\"{center}\"", message, StringComparison.Ordinal);
    }

    private static Size PngSize(string path)
    {
        var header = File.ReadAllBytes(path).AsSpan(16, 8);
        return new Size(BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header[4..]));
    }
}
