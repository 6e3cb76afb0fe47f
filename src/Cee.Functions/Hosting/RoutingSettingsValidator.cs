using Microsoft.Extensions.Options;

namespace Cee.Functions.Hosting;

/// <summary>Fails start-up when the <c>Routing</c> settings are not usable, naming each setting.</summary>
public sealed class RoutingSettingsValidator : IValidateOptions<RoutingSettings>
{
    public ValidateOptionsResult Validate(string? name, RoutingSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
