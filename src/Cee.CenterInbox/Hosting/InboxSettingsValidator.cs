using Microsoft.Extensions.Options;

namespace Cee.CenterInbox.Hosting;

/// <summary>Fails start-up when the <c>Inbox</c> settings are not usable, naming each.</summary>
public sealed class InboxSettingsValidator : IValidateOptions<InboxSettings>
{
    public ValidateOptionsResult Validate(string? name, InboxSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
