using Microsoft.Extensions.Options;

namespace Cee.Functions.Hosting;

/// <summary>Fails start-up when the <c>ActivityRetry</c> settings are not usable, naming each setting.</summary>
public sealed class ActivityRetrySettingsValidator : IValidateOptions<ActivityRetrySettings>
{
    public ValidateOptionsResult Validate(string? name, ActivityRetrySettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
