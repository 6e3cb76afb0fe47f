using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using Cee.Cli.Output;
using Cee.Routing.Identifiers;
using Spectre.Console;

namespace Cee.Cli.Commands;

/// <summary>
/// <c>cee check &lt;value&gt;... [--kind entry|importer|hts|port|protest] [--json]</c>: validates
/// identifiers, detecting each one's kind from its shape unless <c>--kind</c> says it.
/// </summary>
/// <remarks>
/// A full SSN is never printed: an input that is or could be an SSN is echoed with all but its last
/// 4 digits masked, the normalized SSN is <c>***-**-NNNN</c>, and no error message repeats the input.
/// </remarks>
public static class CheckCommand
{
    private static readonly string[] KindNames = ["entry", "importer", "hts", "port", "protest"];

    public static Command Create(CliContext context)
    {
        var values = new Argument<string[]>("value")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Identifiers: entry numbers (002-6110316-2), importer numbers (12-345678900), HTSUS numbers (8471.30.0100), port codes (2704) or protest numbers (3901-2018-100274).",
        };
        CommonOptions.RejectOptionLikeValues(values);
        var kind = new Option<string?>("--kind")
        {
            Description = "Treat every value as this kind instead of detecting each one's kind from its shape.",
        };
        kind.AcceptOnlyFromAmong(KindNames);
        var json = CommonOptions.Json();
        var command = new Command("check", "Validate entry, importer, HTSUS, port and protest numbers and show their normalized form.");
        command.Arguments.Add(values);
        command.Options.Add(kind);
        command.Options.Add(json);
        command.SetAction(parseResult => Execute(
            context,
            parseResult.GetRequiredValue(values),
            ParseKind(parseResult.GetValue(kind)),
            parseResult.GetValue(json)));
        return command;
    }

    /// <summary>Checks each input in order; never throws for bad input.</summary>
    public static IReadOnlyList<CheckResult> Check(IEnumerable<string> inputs, IdentifierKind? kind) =>
        inputs.Select(input => CheckOne(input, kind)).ToList();

    private static CheckResult CheckOne(string input, IdentifierKind? requested)
    {
        var kind = requested ?? IdentifierDetector.Detect(input);
        var detected = requested is null && kind is not null;
        if (kind is null)
        {
            return new CheckResult(
                SafeEcho(input, normalized: null, isSsn: false),
                null,
                false,
                null,
                "not shaped like any identifier; name its kind with --kind entry|importer|hts|port|protest",
                null,
                false);
        }

        var outcome = kind switch
        {
            IdentifierKind.Entry => CheckEntry(input),
            IdentifierKind.Importer => CheckImporter(input),
            IdentifierKind.Hts => CheckHts(input),
            IdentifierKind.Port => CheckPort(input),
            _ => CheckProtest(input),
        };

        var warning = Join(outcome.Warning, detected ? DetectionNote(input, kind.Value) : null);
        return new CheckResult(
            SafeEcho(input, outcome.Normalized, outcome.IsSsn),
            KindName(kind.Value),
            outcome.Error is null,
            outcome.Normalized,
            outcome.Error,
            warning,
            detected);
    }

    private static Outcome CheckEntry(string input)
    {
        if (EntryNumber.TryParse(input, out var entry, out var error))
        {
            return new Outcome(entry.ToString(), null, null);
        }

        var reason = error == EntryNumberError.CheckDigitMismatch && EntryNumber.TryGetCheckDigits(input, out var written, out var computed)
            ? EntryNumber.DescribeMismatch(written, computed)
            : EntryNumber.Describe(error);
        return new Outcome(null, reason, null);
    }

    private static Outcome CheckImporter(string input)
    {
        if (!ImporterNumber.TryParse(input, out var importer, out var error))
        {
            return new Outcome(null, ImporterNumber.Describe(error), null);
        }

        // Masked already for an SSN: ToString never yields the digits.
        var warning = importer.Kind == ImporterNumberKind.Ein && IsElevenPlainDigits(input)
            ? "11 digits without dashes are read as an EIN with suffix; a CBP-assigned number (YYDDPP-NNNNN) with the same digits has the same lookup key"
            : null;
        return new Outcome(importer.Masked, null, warning, importer.Kind == ImporterNumberKind.Ssn);
    }

    private static Outcome CheckHts(string input) =>
        HtsNumber.TryParse(input, out var hts, out var error)
            ? new Outcome(hts.ToString(), null, null)
            : new Outcome(null, HtsNumber.Describe(error), null);

    private static Outcome CheckPort(string input) =>
        PortCode.TryParse(input, out var port, out var error)
            ? new Outcome(port.ToString(), null, UnknownPortWarning(port))
            : new Outcome(null, PortCode.Describe(error), null);

    private static Outcome CheckProtest(string input) =>
        ProtestNumber.TryParse(input, out var protest, out var error)
            ? new Outcome(protest.ToString(), null, UnknownPortWarning(protest.Port))
            : new Outcome(null, ProtestNumber.Describe(error), null);

    private static string? UnknownPortWarning(PortCode port) =>
        port.IsKnown ? null : $"port {port} is well-formed but not in the port list";

    /// <summary>Says which guess was made when a shape fits more than one kind.</summary>
    private static string? DetectionNote(string input, IdentifierKind kind)
    {
        var text = input.AsSpan().Trim();
        if (text.ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        return (text.Length, kind) switch
        {
            (4, IdentifierKind.Port) => "4 digits are read as a port code; use --kind hts for an HTSUS heading",
            (11, IdentifierKind.Entry) => "11 digits are read as an entry number because its check digit is valid; use --kind importer for an importer number",
            (11, IdentifierKind.Importer) => "not taken as an entry number because the entry check digit fails (see --kind entry)",
            _ => null,
        };
    }

    /// <summary>
    /// The input as it may be shown. A valid identifier that is not an SSN is echoed as given;
    /// anything else goes through <see cref="SsnRedaction"/>, which masks every SSN-like group of
    /// 9 digits (a valid SSN, an SSN that breaks an SSA rule, or one typed where it does not belong).
    /// </summary>
    private static string SafeEcho(string input, string? normalized, bool isSsn) =>
        normalized is not null && !isSsn ? input : SsnRedaction.Redact(input);

    private static bool IsElevenPlainDigits(string input)
    {
        var text = input.AsSpan().Trim();
        return text.Length == 11 && !text.ContainsAnyExceptInRange('0', '9');
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : $"{first}; {second}";

    private static IdentifierKind? ParseKind(string? name) => name switch
    {
        null => null,
        "entry" => IdentifierKind.Entry,
        "importer" => IdentifierKind.Importer,
        "hts" => IdentifierKind.Hts,
        "port" => IdentifierKind.Port,
        "protest" => IdentifierKind.Protest,
        _ => throw new UsageException($"Unknown kind '{name}'; use one of {string.Join(", ", KindNames)}."),
    };

    private static string KindName(IdentifierKind kind) => KindNames[(int)kind];

    private static int Execute(CliContext context, string[] inputs, IdentifierKind? kind, bool json)
    {
        var results = Check(inputs, kind);
        if (json)
        {
            CliJson.Write(context.Output, results);
        }
        else
        {
            var grid = new Table().AddColumns("Input", "Kind", "Valid", "Normalized", "Note");
            foreach (var r in results)
            {
                var kindText = r.Kind is null ? "-" : r.KindDetected ? $"{r.Kind} (detected)" : r.Kind;
                var note = r.Error is null
                    ? Markup.Escape(r.Warning ?? string.Empty)
                    : $"[red]{Markup.Escape(r.Error)}[/]" + (r.Warning is null ? string.Empty : $"; {Markup.Escape(r.Warning)}");
                grid.AddRow(
                    Markup.Escape(r.Input),
                    Markup.Escape(kindText),
                    r.Valid ? "yes" : "[red]no[/]",
                    Markup.Escape(r.Normalized ?? "-"),
                    note);
            }

            context.Console.Write(grid);
            var invalid = results.Count(r => !r.Valid);
            context.Console.WriteLine(invalid == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{results.Count} valid.")
                : string.Create(CultureInfo.InvariantCulture, $"{results.Count - invalid} valid, {invalid} invalid."));
        }

        return results.All(r => r.Valid) ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    /// <summary>One input's answer in <c>cee check --json</c>.</summary>
    public sealed record CheckResult(
        [property: JsonPropertyName("input")] string Input,
        [property: JsonPropertyName("kind")] string? Kind,
        [property: JsonPropertyName("valid")] bool Valid,
        [property: JsonPropertyName("normalized")] string? Normalized,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("warning")] string? Warning,
        [property: JsonPropertyName("kindDetected")] bool KindDetected);

    private sealed record Outcome(string? Normalized, string? Error, string? Warning, bool IsSsn = false);
}
