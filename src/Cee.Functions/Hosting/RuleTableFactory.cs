using Cee.Routing.Htsus;
using Microsoft.Extensions.Options;

namespace Cee.Functions.Hosting;

/// <summary>The HTSUS rules of this deployment: the embedded table, or the table with the override file applied.</summary>
public static class RuleTableFactory
{
    /// <exception cref="InvalidOperationException">The override file cannot be read or a row is wrong; the message names the row.</exception>
    public static HtsRuleTable Create(IOptions<RulesSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = settings.Value.OverrideFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            return HtsRuleTable.Embedded;
        }

        try
        {
            return HtsRuleTable.LoadWithOverride(path);
        }
        catch (HtsRuleTableException ex)
        {
            throw new InvalidOperationException($"Rules__OverrideFile '{path}' is not usable: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"Rules__OverrideFile '{path}' cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InvalidOperationException($"Rules__OverrideFile '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
