using System.Text.Json;

namespace Cee.Cli.Tests;

/// <summary>Runs <c>cee</c> in-process and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CeeApp.RunAsync(args, output, error, outputRedirected: true);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public JsonElement Json() => JsonDocument.Parse(Output).RootElement;
}
