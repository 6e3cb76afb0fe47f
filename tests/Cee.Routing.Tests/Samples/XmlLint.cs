using System.Diagnostics;

namespace Cee.Routing.Tests.Samples;

/// <summary>
/// Validates files against CBP's DIS schema with <c>xmllint</c>. The schema is CBP's and stays outside
/// this repository: it is looked for in <c>CEE_DIS_SCHEMA_DIR</c> (default <c>/work/shared/dis-schema</c>).
/// </summary>
internal static class XmlLint
{
    public static string SchemaDirectory =>
        Environment.GetEnvironmentVariable("CEE_DIS_SCHEMA_DIR") is { Length: > 0 } configured ? configured : "/work/shared/dis-schema";

    public static string Schema => Path.Combine(SchemaDirectory, "MessageEnvelope.xsd");

    /// <summary>Why validation cannot run here, or null when it can.</summary>
    public static string? Unavailable { get; } = FindUnavailable();

    /// <summary>Runs <c>xmllint --noout --schema MessageEnvelope.xsd files…</c>; returns its exit code and what it said.</summary>
    public static (int ExitCode, string Output) Validate(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--noout", "--schema", Schema }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static string? FindUnavailable()
    {
        if (!File.Exists(Schema))
        {
            return $"CBP's DIS schema is not at {Schema} (set CEE_DIS_SCHEMA_DIR); validation was not run here. Run by hand: xmllint --noout --schema <dis-schema>/MessageEnvelope.xsd samples/drops/*/*.xml";
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, "xmllint")));
        return onPath ? null : "xmllint is not installed (Debian: apt-get install libxml2-utils); validation against the DIS schema was not run here.";
    }
}
