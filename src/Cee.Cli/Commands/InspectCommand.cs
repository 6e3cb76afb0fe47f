using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using Cee.Cli.Local;
using Cee.Cli.Output;
using Cee.Routing.Documents;
using Cee.Routing.Drops;
using Cee.Routing.Identifiers;
using Cee.Routing.Intake;
using Spectre.Console;

namespace Cee.Cli.Commands;

/// <summary>
/// <c>cee inspect &lt;file&gt; [--manifest &lt;file&gt;] [--json]</c>: reads a DIS package or a bare
/// document exactly as intake does (same reader, limits and checks; documents are decoded and hashed
/// but stored nowhere) and shows what routing would get: verdict, findings, links, documents, lines.
/// </summary>
/// <remarks>
/// A bare document's manifest is <c>&lt;file&gt;.cee.json</c> beside it unless <c>--manifest</c> names one.
/// Exit 0 for accept or warn, 1 for reject, 2 when a file cannot be read. Hostile input is a reject
/// with findings, never a stack trace; SSNs appear only masked.
/// </remarks>
public static class InspectCommand
{
    private const string ManifestSuffix = ".cee.json";

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "A DIS package (XML) or a bare PDF, TIFF, JPEG or PNG document.",
        };
        var manifest = new Option<FileInfo?>("--manifest")
        {
            Description = $"The bare document's manifest (JSON). Default: <file>{ManifestSuffix} beside it, when there is one.",
        };
        var json = CommonOptions.Json();
        var command = new Command("inspect", "Read a drop as intake does and show its verdict, findings, links, documents and HTS lines.");
        command.Arguments.Add(file);
        command.Options.Add(manifest);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) => ExecuteAsync(
            context,
            parseResult.GetRequiredValue(file),
            parseResult.GetValue(manifest),
            parseResult.GetValue(json),
            cancellationToken));
        return command;
    }

    /// <summary>Reads and checks one file; bad content is a result, an unreadable file a <see cref="UsageException"/>.</summary>
    public static async Task<IntakeResult> InspectAsync(FileInfo file, FileInfo? manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.Exists)
        {
            throw new UsageException($"file '{SsnRedaction.Redact(file.FullName)}' does not exist.");
        }

        if (manifest is not null && !manifest.Exists)
        {
            throw new UsageException($"manifest '{SsnRedaction.Redact(manifest.FullName)}' does not exist.");
        }

        manifest ??= new FileInfo(file.FullName + ManifestSuffix) is { Exists: true } beside ? beside : null;
        var status = RegularFile(file);
        if (manifest is not null)
        {
            RegularFile(manifest);
        }

        var options = IntakeOptions.Default;
        try
        {
            // The drop's identity as a host would give it: its name and a version (size and time, like an
            // ETag), taken without reading it: intake hashes the content in the one pass that reads it.
            var drop = DropReference.For(file.Name, status.Version);
            var metadata = manifest is null
                ? null
                : DropMetadata.FromManifestJson(await ReadHeadAsync(manifest, options.MaxManifestBytes + 1, cancellationToken), manifest.Name);
            await using var content = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return await DropIntake.ReadAsync(drop, content, metadata, NullDocumentSink.Instance, options, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new UsageException($"'{SsnRedaction.Redact(file.Name)}' cannot be read: {SsnRedaction.Redact(ex.Message)}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UsageException($"'{SsnRedaction.Redact(file.Name)}' cannot be read: {SsnRedaction.Redact(ex.Message)}", ex);
        }
    }

    /// <summary>The shape of <c>cee inspect --json</c>.</summary>
    public static InspectReport Report(IntakeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new InspectReport(
            result.Kind,
            result.Verdict,
            result.Findings,
            result.Port,
            result.Filer,
            result.Entries,
            result.Importers.Count > 0 ? result.Importers[0].Masked : null,
            result.CbpRequestId,
            [.. result.Documents.Select(d => new InspectedDocument(d.Id, d.Label, d.Kind, d.FileName, d.DeclaredType, d.DetectedType, d.Size, d.Sha256))],
            result.Lines);
    }

    private static async Task<int> ExecuteAsync(CliContext context, FileInfo file, FileInfo? manifest, bool json, CancellationToken cancellationToken)
    {
        var result = await InspectAsync(file, manifest, cancellationToken);
        if (json)
        {
            CliJson.Write(context.Output, Report(result));
        }
        else
        {
            WriteTables(context.Console, result);
        }

        return result.Verdict == IntakeVerdict.Reject ? ExitCodes.Invalid : ExitCodes.Ok;
    }

    private static void WriteTables(IAnsiConsole console, IntakeResult result)
    {
        var summary = new Grid().AddColumn().AddColumn();
        var verdict = result.Verdict switch
        {
            IntakeVerdict.Accept => "[green]accept[/]",
            IntakeVerdict.Warn => "[yellow]warn[/] (accepted with warnings)",
            _ => "[red]reject[/]",
        };
        summary.AddRow("Drop", Markup.Escape($"{result.Source} ({(result.Kind == DropKind.Dis ? "DIS package" : "bare document")})"));
        summary.AddRow("Verdict", verdict);
        summary.AddRow("Port", Markup.Escape(result.Port is null ? "-" : PortCode.TryParse(result.Port, out var port) && port.Name is { } name ? $"{result.Port} {name}" : result.Port));
        summary.AddRow("Filer", Markup.Escape(result.Filer ?? "-"));
        summary.AddRow("Entries", Markup.Escape(result.Entries.Count == 0 ? "-" : string.Join(", ", result.Entries)));
        summary.AddRow("Importer", Markup.Escape(result.Importers.Count == 0 ? "-" : string.Join(", ", result.Importers.Select(i => $"{i.Masked} ({i.Kind})"))));
        summary.AddRow("CBP request", Markup.Escape(result.CbpRequestId ?? "-"));
        summary.AddRow("SHA-256", Markup.Escape(result.ContentSha256));
        console.Write(summary);

        if (result.Documents.Count > 0)
        {
            var documents = new Table().AddColumns("Id", "Label", "Kind", "File", "Declared", "Detected", "Size", "SHA-256");
            foreach (var d in result.Documents)
            {
                documents.AddRow(
                    Markup.Escape(d.Id),
                    Markup.Escape(d.Label ?? "-"),
                    Markup.Escape(d.Kind.ToWireName()),
                    Markup.Escape(d.FileName ?? "-"),
                    Markup.Escape(d.DeclaredType ?? "-"),
                    d.DeclaredType is not null && !FileSignatures.Agree(d.DeclaredType, d.DetectedType) ? $"[yellow]{Markup.Escape(d.DetectedType)}[/]" : Markup.Escape(d.DetectedType),
                    d.Size.ToString("N0", CultureInfo.InvariantCulture),
                    Markup.Escape(d.Sha256));
            }

            console.Write(documents);
        }

        if (result.Lines.Count > 0)
        {
            var lines = new Table().AddColumns("Line", "HTS");
            foreach (var line in result.Lines)
            {
                lines.AddRow(
                    line.Line?.ToString(CultureInfo.InvariantCulture) ?? "-",
                    Markup.Escape(HtsNumber.TryParse(line.Hts, out var hts) ? hts.ToDottedString() : line.Hts));
            }

            console.Write(lines);
        }

        if (result.Findings.Count > 0)
        {
            var findings = new Table().AddColumns("Severity", "Code", "Finding", "Where");
            foreach (var f in result.Findings)
            {
                var severity = f.Severity switch
                {
                    FindingSeverity.Error => "[red]error[/]",
                    FindingSeverity.Warning => "[yellow]warning[/]",
                    _ => "info",
                };
                findings.AddRow(severity, Markup.Escape(f.Code), Markup.Escape(f.Message), Markup.Escape(f.Path ?? "-"));
            }

            console.Write(findings);
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Documents.Count} document(s), {result.Lines.Count} HTS line(s), {result.Findings.Count} finding(s)."));
    }

    // A file named on the command line may be a link (the user chose it), but what it ends at must be a
    // regular file: a pipe would wait for a writer forever and a device (/dev/zero) never ends.
    private static DropFileStatus RegularFile(FileInfo file)
    {
        var target = file.LinkTarget is null ? file.FullName : file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName;
        var status = DropFiles.Lstat(target);
        return status.Kind == DropFileKind.Regular
            ? status
            : throw new UsageException($"'{SsnRedaction.Redact(file.FullName)}' is {status.Describe()}, not a regular file: cee inspect reads regular files only.");
    }

    /// <summary>At most <paramref name="limit"/> bytes of a file: intake refuses a larger manifest anyway.</summary>
    private static async Task<byte[]> ReadHeadAsync(FileInfo file, int limit, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        var buffer = new byte[(int)Math.Min(limit, Math.Max(0, file.Length))];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return buffer[..read];
    }

    /// <summary>What <c>cee inspect --json</c> prints.</summary>
    public sealed record InspectReport(
        [property: JsonPropertyName("kind")] DropKind Kind,
        [property: JsonPropertyName("verdict")] IntakeVerdict Verdict,
        [property: JsonPropertyName("findings")] IReadOnlyList<Finding> Findings,
        [property: JsonPropertyName("port")] string? Port,
        [property: JsonPropertyName("filer")] string? Filer,
        [property: JsonPropertyName("entries")] IReadOnlyList<string> Entries,
        [property: JsonPropertyName("importer")] string? Importer,
        [property: JsonPropertyName("cbpRequestId")] string? CbpRequestId,
        [property: JsonPropertyName("documents")] IReadOnlyList<InspectedDocument> Documents,
        [property: JsonPropertyName("lines")] IReadOnlyList<CommodityLine> Lines);

    /// <summary>One document in <c>cee inspect --json</c>.</summary>
    public sealed record InspectedDocument(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("label")] string? Label,
        [property: JsonPropertyName("kind")] DocumentKind Kind,
        [property: JsonPropertyName("fileName")] string? FileName,
        [property: JsonPropertyName("declaredType")] string? DeclaredType,
        [property: JsonPropertyName("detectedType")] string DetectedType,
        [property: JsonPropertyName("size")] long Size,
        [property: JsonPropertyName("sha256")] string Sha256);
}
