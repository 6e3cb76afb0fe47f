using System.CommandLine;
using Cee.Cli.Commands;
using Cee.Cli.Ledger;
using Cee.Cli.Local;
using Cee.Cli.Local.Output;
using Cee.Cli.Review;
using Cee.Routing.Identifiers;

namespace Cee.Cli;

/// <summary>The <c>cee</c> command: builds the verbs, maps outcomes to exit codes, never prints a stack trace.</summary>
public static class CeeApp
{
    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand(
            "cee: route CBP imaging documents to the Center of Excellence and Expertise that owns them.");
        root.Subcommands.Add(CentersCommand.Create(context));
        root.Subcommands.Add(ClassifyCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(SeedCommand.Create(context));
        root.Subcommands.Add(InspectCommand.Create(context));
        root.Subcommands.Add(RouteCommand.Create(context));
        root.Subcommands.Add(StatusCommand.Create(context));
        root.Subcommands.Add(InboxCommand.Create(context));
        root.Subcommands.Add(ReviewCommand.Create(context));
        root.Subcommands.Add(SamplesCommand.Create(context));
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool outputRedirected, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(output, error, outputRedirected), cancellationToken);

    /// <summary>Runs a command line in <paramref name="context"/> (tests pass one with an output fault seam).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Output;
        var error = context.Error;
        var root = BuildRootCommand(context);
        var parseResult = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };

        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"cee: {SsnRedaction.Redact(parseError.Message)}");
            }

            await error.WriteLineAsync("Run 'cee --help' (or 'cee <verb> --help') for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"cee: {SsnRedaction.Redact(ex.Message)}");
            return ExitCodes.Usage;
        }
        catch (OutFolderInUseException ex)
        {
            // One line, at once: another run owns the folder; nothing was read or written.
            await error.WriteLineAsync($"cee: {SsnRedaction.Redact(ex.Message)}");
            return ExitCodes.Usage;
        }
        catch (OutputWriteException ex)
        {
            await error.WriteLineAsync($"cee: stopped: {SsnRedaction.Redact(ex.Message)}. Run the same command again once the cause is fixed.");
            return ExitCodes.Internal;
        }
        catch (LedgerFormatException ex)
        {
            await error.WriteLineAsync($"cee: {SsnRedaction.Redact(ex.Message)}");
            return ExitCodes.Internal;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cee: cancelled.");
            return ExitCodes.Internal;
        }
#pragma warning disable CA1031 // The last line of defence: report the failure plainly, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"cee: unexpected {ex.GetType().Name}: {SsnRedaction.Redact(ex.Message)}");
            return ExitCodes.Internal;
        }
    }
}
