using Microsoft.Extensions.Options;

namespace Cee.Functions.Hosting;

/// <summary>Fails start-up when the <c>Transfers</c> settings are out of bounds, naming each.</summary>
public sealed class TransferSettingsValidator : IValidateOptions<TransferSettings>
{
    public ValidateOptionsResult Validate(string? name, TransferSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.ToOptions().Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => "Transfers: " + p));
    }
}
