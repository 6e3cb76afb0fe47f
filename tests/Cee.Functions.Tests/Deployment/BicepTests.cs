using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Cee.Functions.Hosting;
using Cee.Routing.Workflow;

namespace Cee.Functions.Tests.Deployment;

/// <summary>
/// The infrastructure compiles and lints with no diagnostic, and every parameter the app validates at
/// start-up is bounded in Bicep exactly as the app bounds it, so a deployment cannot pass a value the
/// app then refuses.
/// </summary>
[Collection(CompiledBicepGroup.Name)]
public sealed class BicepTests(CompiledBicep bicep)
{
    [Fact]
    public void Build_MainBicep_CompilesWithNoDiagnostic()
    {
        Assert.True(bicep.Build.ExitCode == 0, bicep.Build.Describe());
        Assert.True(bicep.Build.StandardError.Trim().Length == 0, bicep.Build.Describe());
    }

    [Fact]
    public async Task Lint_MainBicep_ReportsNoDiagnostic()
    {
        var lint = await CompiledBicep.RunAsync("lint", CompiledBicep.MainBicep);

        Assert.True(lint.ExitCode == 0, lint.Describe());
        Assert.True((lint.StandardOutput + lint.StandardError).Trim().Length == 0, lint.Describe());
    }

    [Fact]
    public async Task Lint_ABicepFileWithAnUnusedParameter_IsReported()
    {
        // The lint test above can only pass for the right reason if the linter speaks up when it should.
        var folder = Directory.CreateTempSubdirectory("cee-bicep-lint-");
        try
        {
            var file = Path.Combine(folder.FullName, "unused.bicep");
            await File.WriteAllTextAsync(file, "param unused string\n");

            var lint = await CompiledBicep.RunAsync("lint", file);

            Assert.Contains("no-unused-params", lint.StandardOutput + lint.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void MaxEscalations_BicepBounds_AreTheOptionsRange()
    {
        var range = RangeOf(nameof(RoutingWorkflowOptions.MaxEscalations));
        var parameter = bicep.Parameter("maxEscalations");

        Assert.Equal(Convert.ToInt32(range.Minimum, CultureInfo.InvariantCulture), parameter.GetProperty("minValue").GetInt32());
        Assert.Equal(Convert.ToInt32(range.Maximum, CultureInfo.InvariantCulture), parameter.GetProperty("maxValue").GetInt32());
        Assert.Empty(Settings(maxEscalations: parameter.GetProperty("defaultValue").GetInt32()).Validate());
    }

    [Fact]
    public void ReviewFallback_BicepAllowedValues_AreExactlyWhatTheAppAccepts()
    {
        var allowed = bicep.Parameter("reviewFallback").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()!).ToList();

        Assert.All(allowed, value => Assert.Empty(Settings(reviewFallback: value).Validate()));
        // Every fallback the core knows is deployable, and nothing else.
        Assert.Equal(Enum.GetValues<Cee.Routing.Review.ReviewFallback>().Length, allowed.Count);
        Assert.NotEmpty(Settings(reviewFallback: "best-guess").Validate());
    }

    [Fact]
    public void ReviewTimeout_BicepDefault_IsWithinTheOptionsRange()
    {
        var parameter = bicep.Parameter("reviewTimeout");

        Assert.Empty(Settings(reviewTimeout: parameter.GetProperty("defaultValue").GetString()).Validate());
        Assert.NotEmpty(Settings(reviewTimeout: "31.00:00:00").Validate());
    }

    [Theory]
    [InlineData("authTenantId")]
    [InlineData("authClientId")]
    public void AuthIds_BicepBounds_AreTheLengthOfTheGuidsTheAppAccepts(string name)
    {
        var parameter = bicep.Parameter(name);

        Assert.Equal(AuthenticationSettings.TenantIdLength, parameter.GetProperty("minLength").GetInt32());
        Assert.Equal(AuthenticationSettings.TenantIdLength, parameter.GetProperty("maxLength").GetInt32());
        // Within the bounds the app still wants a GUID: a value Bicep lets through must be one the validator knows.
        Assert.True(AuthenticationSettingsValidator.IsGuid("aaaabbbb-0000-cccc-1111-dddd2222eeee"));
        Assert.False(AuthenticationSettingsValidator.IsGuid("contoso-tenant-000000000000000000000"));
    }

    [Fact]
    public void AuthTenantId_BicepDefault_IsTheDeploymentsTenant()
    {
        Assert.Equal("[tenant().tenantId]", bicep.Parameter("authTenantId").GetProperty("defaultValue").GetString());
        Assert.Equal("[parameters('authTenantId')]", bicep.ModuleArgument("functionApp", "authTenantId"));
    }

    private static RangeAttribute RangeOf(string property) =>
        typeof(RoutingWorkflowOptions).GetProperty(property)!.GetCustomAttribute<RangeAttribute>()
        ?? throw new InvalidOperationException($"{nameof(RoutingWorkflowOptions)}.{property} has no [Range].");

    private static RoutingSettings Settings(int? maxEscalations = null, string? reviewFallback = null, string? reviewTimeout = null) =>
        new() { MaxEscalations = maxEscalations, ReviewFallback = reviewFallback, ReviewTimeout = reviewTimeout };
}
