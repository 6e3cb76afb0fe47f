using Cee.Routing.Htsus;

namespace Cee.Cli;

/// <summary>The embedded rules table, or the embedded table with an override file applied.</summary>
public static class RuleTableLoader
{
    public static HtsRuleTable Load(FileInfo? overrideFile)
    {
        if (overrideFile is null)
        {
            return HtsRuleTable.Embedded;
        }

        if (!overrideFile.Exists)
        {
            throw new UsageException($"rules file '{overrideFile.FullName}' does not exist.");
        }

        try
        {
            return HtsRuleTable.LoadWithOverride(overrideFile.FullName);
        }
        catch (HtsRuleTableException ex)
        {
            throw new UsageException($"rules file is not usable: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new UsageException($"rules file '{overrideFile.FullName}' cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UsageException($"rules file '{overrideFile.FullName}' cannot be read: {ex.Message}", ex);
        }
    }
}
