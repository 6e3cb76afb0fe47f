using Cee.Functions.Hosting;
using Cee.Routing.Identifiers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cee.Functions.Tests.Hosting;

public class ImporterKeySettingsValidatorTests
{
    private static readonly string Secret = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Validate_SecretSet_Succeeds()
    {
        Assert.True(Validate(new ImporterKeySettings { KeySecret = Secret }, inAzure: true).Succeeded);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAECAwQFBgc=")]
    public void Validate_UnusableSecret_FailsSayingWhy(string secret)
    {
        var result = Validate(new ImporterKeySettings { KeySecret = secret }, inAzure: false);

        Assert.True(result.Failed);
        Assert.Contains("Importers__KeySecret is not usable", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoSecretInAzure_Fails()
    {
        var result = Validate(new ImporterKeySettings(), inAzure: true);

        Assert.True(result.Failed);
        Assert.Contains("required in Azure", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoSecretInAzureButExplicitlyAllowed_Succeeds()
    {
        Assert.True(Validate(new ImporterKeySettings { AllowDevelopmentKey = true }, inAzure: true).Succeeded);
    }

    [Fact]
    public void Validate_NoSecretLocally_Succeeds()
    {
        Assert.True(Validate(new ImporterKeySettings(), inAzure: false).Succeeded);
    }

    [Fact]
    public void Create_NoSecret_IsTheDevelopmentKey()
    {
        Assert.Same(ImporterLookupKeys.Development, ImporterKeysFactory.Create(Options.Create(new ImporterKeySettings()), NullLogger.Instance));
        Assert.False(ImporterKeysFactory.Create(Options.Create(new ImporterKeySettings { KeySecret = Secret }), NullLogger.Instance).IsDevelopment);
    }

    private static ValidateOptionsResult Validate(ImporterKeySettings settings, bool inAzure)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(inAzure ? new Dictionary<string, string?> { [HostingPlatform.InstanceIdSetting] = "a1b2c3" } : [])
            .Build();
        return new ImporterKeySettingsValidator(configuration).Validate(null, settings);
    }
}
