using Cee.Cli.Local.Output;
using Spectre.Console;

namespace Cee.Cli;

/// <summary>Where a verb writes: standard output for results, standard error for diagnostics.</summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool outputRedirected)
    {
        Output = output;
        Error = error;
        OutputRedirected = outputRedirected;
        Console = CreateConsole(output, outputRedirected);
        ErrorConsole = CreateConsole(error, outputRedirected);
        if (outputRedirected)
        {
            // Redirected output has no terminal width; keep tables on one line per row.
            Console.Profile.Width = 200;
        }
    }

    /// <summary>Results (tables or JSON).</summary>
    public TextWriter Output { get; }

    /// <summary>Errors and progress.</summary>
    public TextWriter Error { get; }

    /// <summary>True when standard output is a file or pipe: no colour, no progress animation.</summary>
    public bool OutputRedirected { get; }

    /// <summary>Spectre console over <see cref="Output"/> for human-readable tables.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The seam tests use to make writes into an output folder fail (a full disk); none in production.</summary>
    public IOutputFaults OutputFaults { get; init; } = NoOutputFaults.Instance;

    /// <summary>Spectre console over <see cref="Error"/>: progress, and tables that must not mix with JSON on standard output.</summary>
    public IAnsiConsole ErrorConsole { get; }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool redirected) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(writer),
    });
}
