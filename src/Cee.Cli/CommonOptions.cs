using System.CommandLine;

namespace Cee.Cli;

/// <summary>Options several verbs share, built fresh for each command.</summary>
public static class CommonOptions
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write machine-readable JSON to standard output instead of a table.",
    };

    /// <summary>
    /// Values of a free-form argument that look like options are usage errors, not inputs:
    /// <c>cee classify --bogus</c> must say "unknown option", not "not an HTS number".
    /// </summary>
    public static void RejectOptionLikeValues(Argument<string[]> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-'))
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
    }

    public static Option<FileInfo?> Rules() => new("--rules")
    {
        Description = "An HTSUS rules override file (JSON, same shape as the embedded table); its rows replace embedded rows of the same range and add the rest.",
    };
}
