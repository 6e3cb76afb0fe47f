using Cee.Functions.Http;
using Cee.Functions.Identity;
using Cee.Functions.Tests.Support;
using Cee.Routing.Htsus;
using Microsoft.AspNetCore.Mvc;

namespace Cee.Functions.Tests.Http;

public class ClassifyApiTests
{
    [Fact]
    public async Task ClassifyAsync_Numbers_AnswersLikeCeeClassifyJson()
    {
        var result = await new ClassifyApi(HtsRuleTable.Embedded, Principals.Access()).ClassifyAsync(
            Requests.SignedIn("/api/classify", """{ "hts": ["8471.30.0100", "84713"] }""", AppRoles.Reader), CancellationToken.None);

        var answers = Assert.IsAssignableFrom<IReadOnlyList<HtsDryRunResult>>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal(HtsDryRun.Classify(["8471.30.0100", "84713"], HtsRuleTable.Embedded), answers);
        Assert.Equal("CEE007", answers[0].Center);
        Assert.False(answers[1].Valid);
    }

    [Theory]
    [InlineData("""{ "hts": [] }""", "non-empty array")]
    [InlineData("""{ "numbers": ["8471"] }""", "non-empty array")]
    [InlineData("""{ "hts": ["8471", null] }""", "holds a null")]
    [InlineData("""not json""", "not the expected JSON object")]
    [InlineData("""null""", "JSON null")]
    public async Task ClassifyAsync_UnusableBody_IsABadRequestProblemSayingWhy(string body, string reason)
    {
        var result = await new ClassifyApi(HtsRuleTable.Embedded, Principals.Access()).ClassifyAsync(Requests.SignedIn("/api/classify", body, AppRoles.Reader), CancellationToken.None);

        var problem = Requests.Problem(result, 400, "The classification request is not valid");
        Assert.Contains(reason, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyAsync_TooManyNumbers_IsABadRequestProblem()
    {
        var body = "{ \"hts\": [" + string.Join(",", Enumerable.Repeat("\"8471\"", ClassifyRequestBody.MaxNumbers + 1)) + "] }";

        var result = await new ClassifyApi(HtsRuleTable.Embedded, Principals.Access()).ClassifyAsync(Requests.SignedIn("/api/classify", body, AppRoles.Reader), CancellationToken.None);

        Assert.Contains("at most 1000", Requests.Problem(result, 400, "The classification request is not valid").Detail, StringComparison.Ordinal);
    }
}
