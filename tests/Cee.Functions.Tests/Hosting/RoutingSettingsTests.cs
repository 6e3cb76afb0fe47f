using Cee.Functions.Hosting;
using Cee.Routing.Review;
using Cee.Routing.Workflow;

namespace Cee.Functions.Tests.Hosting;

public class RoutingSettingsTests
{
    [Fact]
    public void ToOptions_NothingSet_IsTheCoreDefaults()
    {
        Assert.Equal(new RoutingWorkflowOptions(), new RoutingSettings().ToOptions());
        Assert.Empty(new RoutingSettings().Validate());
    }

    [Fact]
    public void ToOptions_ContractWireNames_AreUnderstood()
    {
        var settings = new RoutingSettings { ReviewTimeout = "1.12:00:00", ReviewFallback = "best-hts-guess", MaxEscalations = 5 };

        var options = settings.ToOptions();

        Assert.Empty(settings.Validate());
        Assert.Equal(TimeSpan.FromHours(36), options.ReviewTimeout);
        Assert.Equal(ReviewFallback.BestHtsGuess, options.ReviewFallback);
        Assert.Equal(5, options.MaxEscalations);
    }

    [Fact]
    public void Validate_UnusableValues_NameEachSetting()
    {
        var problems = new RoutingSettings { ReviewTimeout = "two days", ReviewFallback = "coin-flip" }.Validate();

        Assert.Contains(problems, p => p.Contains("Routing__ReviewTimeout 'two days'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Routing__ReviewFallback 'coin-flip'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OutOfRange_ReportsTheCoreRule()
    {
        var problems = new RoutingSettings { MaxEscalations = 0 }.Validate();

        Assert.Contains(problems, p => p.StartsWith("Routing: ", StringComparison.Ordinal) && p.Contains("MaxEscalations", StringComparison.Ordinal));
    }
}
