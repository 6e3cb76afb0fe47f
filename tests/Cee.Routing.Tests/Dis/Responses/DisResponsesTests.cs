using System.Text;
using System.Xml.Linq;
using Cee.Routing.Dis.Responses;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Review;
using Cee.Routing.Tests.Support;
using Cee.Samples;
using Cee.Tests;
using Moq;

namespace Cee.Routing.Tests.Dis.Responses;

/// <summary>The answers to the port: valid against CBP's DIS schema, the verdict mapped, the same bytes on a re-run.</summary>
public class DisResponsesTests
{
    private static readonly XNamespace Dis = "http://cbp.dhs.gov/DIS";

    public static TheoryData<string> DropPaths() => [.. CuratedSamples.Drops.Select(d => d.Path)];

    [SchemaTheory]
    [MemberData(nameof(DropPaths))]
    public async Task Validation_EachCuratedDrop_IsSchemaValidWithItsVerdict(string path)
    {
        var expected = CuratedSamples.Drops.Single(d => d.Path == path);
        var (harness, drop) = await HarnessForSampleAsync(path);
        if (expected.Withdraws is { } original)
        {
            // A withdrawal answers for a document already routed: its sample goes first, as in path order.
            var (_, originalDrop) = await HarnessForSampleAsync(original, harness);
            await harness.RunAsync(originalDrop);
        }

        await harness.RunAsync(drop);

        var response = Assert.Single(harness.Responses, r => r.Kind == PortResponse.ValidationKind && r.DropId == drop.DropId);
        Assert.Empty(DisSchema.Validate(Encoding.UTF8.GetBytes(response.Xml)));
        var xml = XDocument.Parse(response.Xml);
        var status = xml.Descendants(Dis + "MessageProcessingResult").Single().Element(Dis + "ProcessingStatus")!.Value;
        Assert.Equal(expected.Verdict == IntakeVerdict.Reject ? DisResponses.Rejected : DisResponses.Accepted, status);
        Assert.Equal("CEE-MVR-" + drop.DropId, xml.Descendants(Dis + "MessageID").First().Value);
        Assert.Equal(PortResponse.ValidationSuffix, response.Suffix);
        if (expected.Finding is { } code)
        {
            Assert.Contains(xml.Descendants(Dis + "ProcessingLogText"), t => t.Value.StartsWith($"[{code}]", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Validation_EntrySummaryRouted_OneDocumentLevelResultPerDocument()
    {
        var (harness, drop) = await HarnessForSampleAsync("2704/entry-summary-electronics.xml");

        await harness.RunAsync(drop);

        var xml = XDocument.Parse(harness.Responses[0].Xml);
        var results = xml.Descendants(Dis + "DocumentLevelResult").ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(DisResponses.Accepted, r.Descendants(Dis + "ProcessingStatus").Single().Value));
        Assert.All(results, r => Assert.Equal("SINGLE_TXN", r.Descendants(Dis + "TransactionCategory").Single().Value));
        Assert.Equal("MSG-LAX-20261121-0001", xml.Descendants(Dis + "ProcessedMessageHeader").Single().Element(Dis + "MessageID")!.Value);
    }

    [Fact]
    public async Task Validation_AwaitingReview_AcceptedWithALineThatSaysSo()
    {
        var (harness, drop) = await HarnessForSampleAsync("2304/entry-summary-tie.xml");

        await harness.RunAsync(drop);

        var xml = XDocument.Parse(Assert.Single(harness.Responses).Xml);
        Assert.Equal(DisResponses.Accepted, xml.Descendants(Dis + "ProcessingStatus").First().Value);
        Assert.Contains(xml.Descendants(Dis + "ProcessingStatusSummaryText"), t => t.Value.Contains("waiting for a person", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validation_SameDropRunTwice_WritesTheSameBytes()
    {
        var (harness, drop) = await HarnessForSampleAsync("2704/bad-check-digit.xml");

        await harness.RunAsync(drop);
        await harness.RunAsync(drop);

        Assert.Equal(2, harness.Responses.Count);
        Assert.Equal(harness.Responses[0], harness.Responses[1]);
    }

    [Theory]
    [InlineData("2704/entry-summary-electronics.xml")]
    [InlineData("2704/bad-check-digit.xml")]
    [InlineData("2304/entry-summary-tie.xml")]
    public async Task Validation_CrashAfterTheLedgerStepBeforeTheAnswer_RerunAnswersAsACleanRun(string path)
    {
        var (clean, cleanDrop) = await HarnessForSampleAsync(path);
        await clean.RunAsync(cleanDrop);
        var (crashed, drop) = await HarnessForSampleAsync(path);
        crashed.ResponseFailures = 1;

        await Assert.ThrowsAsync<IOException>(() => crashed.RunAsync(drop));
        Assert.Empty(crashed.Responses);
        Assert.NotEmpty(crashed.Ledger.Records);
        await crashed.RunAsync(drop);

        Assert.Equal(clean.Responses, crashed.Responses);
        Assert.Equal(clean.Ledger.Records.Values.Select(r => r.State), crashed.Ledger.Records.Values.Select(r => r.State));
    }

    [SchemaFact]
    public async Task Reviews_ReviewerDecides_DocumentReviewResponseWithTheComment()
    {
        var (harness, drop) = await HarnessForSampleAsync("2304/entry-summary-tie.xml");
        harness.Review.Setup(r => r.WaitForDecisionAsync(drop.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.Decided(new ReviewDecision(drop.DropId, "CEE001", "Dana Reyes", "medicament line decides", WorkflowHarness.Start)));

        await harness.RunAsync(drop);

        var (reviews, result) = SchemaValidReviews(harness);
        Assert.Equal("REVIEW", result.Element(Dis + "ProcessingEvent")!.Value);
        Assert.Equal(DisResponses.Accepted, result.Element(Dis + "DocumentReviewStatus")!.Value);
        Assert.Contains("medicament line decides", result.Element(Dis + "DocumentReviewComment")!.Value, StringComparison.Ordinal);
        Assert.Equal(reviews.Count == 1 ? ".review.xml" : ".001.review.xml", reviews[0].Suffix);
    }

    [SchemaFact]
    public async Task Reviews_DeadlinePassesWithBestGuess_ReviewDeadlineEvent()
    {
        var (harness, drop) = await HarnessForSampleAsync("2709/entry-summary-two-importers.xml");
        harness.Options = harness.Options with { ReviewFallback = ReviewFallback.BestHtsGuess };
        harness.Review.Setup(r => r.WaitForDecisionAsync(drop.DropId, It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.DeadlinePassed);

        await harness.RunAsync(drop);

        var (_, result) = SchemaValidReviews(harness);
        Assert.Equal("REVIEW-DEADLINE", result.Element(Dis + "ProcessingEvent")!.Value);
        Assert.Contains("best HTSUS guess", result.Element(Dis + "DocumentReviewComment")!.Value, StringComparison.Ordinal);
    }

    [SchemaFact]
    public async Task Validation_SsnInTheMessageComment_IsMasked()
    {
        var xml = DisPackageBuilder.EntrySummary().ToBytes();
        var (intake, _) = await Intakes.ReadAsync(xml);
        intake = intake with { Message = intake.Message! with { Comment = "sole proprietor 078-05-1120" } };
        var harness = new WorkflowHarness().WithDrop(intake);
        harness.Requests.Setup(r => r.FindIssuingCenterAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);
        harness.Review.Setup(r => r.WaitForDecisionAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.NoReviewer);

        await harness.RunAsync(new DropReference(intake.DropId, intake.Source, "sha256:test"));

        var response = harness.Responses[0].Xml;
        Assert.DoesNotContain("078-05-1120", response, StringComparison.Ordinal);
        Assert.Contains("***-**-1120", response, StringComparison.Ordinal);
        Assert.Empty(DisSchema.Validate(Encoding.UTF8.GetBytes(response)));
    }

    /// <summary>The review answers the run wrote (at least one, each valid against CBP's schema) and the first one's result.</summary>
    private static (List<PortResponse> Reviews, XElement Result) SchemaValidReviews(WorkflowHarness harness)
    {
        var reviews = harness.Responses.Where(r => r.Kind == PortResponse.ReviewKind).ToList();
        Assert.NotEmpty(reviews);
        Assert.All(reviews, r => Assert.Empty(DisSchema.Validate(Encoding.UTF8.GetBytes(r.Xml))));
        return (reviews, XDocument.Parse(reviews[0].Xml).Descendants(Dis + "DocumentReviewResult").Single());
    }

    private static byte[] SampleBytes(string path) =>
        CuratedSamples.Files().Single(f => f.Path == $"{CuratedSamples.DropsFolder}/{path}").Content;

    private static async Task<(WorkflowHarness Harness, DropReference Drop)> HarnessForSampleAsync(string path, WorkflowHarness? into = null)
    {
        var files = CuratedSamples.Files().ToDictionary(f => f.Path, f => f.Content);
        var manifestPath = $"{CuratedSamples.DropsFolder}/{path}.cee.json";
        var manifest = files.TryGetValue(manifestPath, out var json) ? DropMetadata.FromManifestJson(json, manifestPath) : null;
        var (intake, _) = await Intakes.ReadAsync(files[$"{CuratedSamples.DropsFolder}/{path}"], $"port-drops/{path}", manifest);
        if (into is not null)
        {
            return (into.WithDrop(intake), new DropReference(intake.DropId, intake.Source, "sha256:test"));
        }

        if (into is not null)
        {
            return (into.WithDrop(intake), new DropReference(intake.DropId, intake.Source, "sha256:test"));
        }

        var harness = new WorkflowHarness().WithDrop(intake);
        harness.Requests.Setup(r => r.FindIssuingCenterAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);
        harness.Review.Setup(r => r.WaitForDecisionAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReviewWaitResult.NoReviewer);
        return (harness, new DropReference(intake.DropId, intake.Source, "sha256:test"));
    }
}
