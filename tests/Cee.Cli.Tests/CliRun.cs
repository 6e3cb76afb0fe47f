using System.Text.Json;
using Cee.Cli.Local.Output;

namespace Cee.Cli.Tests;

/// <summary>Runs <c>cee</c> in-process and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> InvokeAsync(params string[] args) => InvokeAsync(null, args);

    /// <summary>Runs with <paramref name="faults"/> as the output folder's write seam (a full disk).</summary>
    public static async Task<CliRun> InvokeAsync(IOutputFaults? faults, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, outputRedirected: true) { OutputFaults = faults ?? NoOutputFaults.Instance };
        var exitCode = await CeeApp.RunAsync(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public JsonElement Json() => JsonDocument.Parse(Output).RootElement;
}
