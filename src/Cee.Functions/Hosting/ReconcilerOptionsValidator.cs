using Cee.Routing.Reconcile;
using Microsoft.Extensions.Options;

namespace Cee.Functions.Hosting;

/// <summary>Fails start-up when the <c>Reconciler</c> settings are not usable, naming each setting.</summary>
public sealed class ReconcilerOptionsValidator : IValidateOptions<ReconcilerOptions>
{
    public ValidateOptionsResult Validate(string? name, ReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
