using System.Security.Cryptography;
using System.Text;
using Cee.Routing.Dis;
using Cee.Routing.Documents;
using Cee.Routing.Drops;
using Cee.Routing.Identifiers;

namespace Cee.Routing.Intake;

/// <summary>
/// The one entry point adapters call to open a drop: sniffs whether the content is a DIS package
/// (XML) or a bare document, reads it (streaming every document into the sink, hashing it on the
/// way), runs the intake checks and returns the <see cref="IntakeResult"/> with its verdict. Bad input
/// is a result with findings, never an exception.
/// </summary>
public static class DropIntake
{
    /// <summary>Reads and checks one drop.</summary>
    /// <param name="drop">The drop's identity; its DropId numbers the documents (<c>{dropId}-001</c>…).</param>
    /// <param name="content">The drop's bytes, read once front to back (it need not be seekable) and not disposed.</param>
    /// <param name="metadata">A bare document's manifest (sidecar or blob metadata), or null.</param>
    /// <param name="sink">Where decoded documents go.</param>
    /// <param name="options">Limits, importer keys and label table; <see cref="IntakeOptions.Default"/> when null.</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <remarks>
    /// Only failures that are not the drop's fault escape: cancellation, an I/O failure reading
    /// <paramref name="content"/>, or a failure of the sink. On a reject, documents already completed
    /// stay in the sink under their ids (<see cref="IntakeDocument.Location"/>).
    /// </remarks>
    public static async Task<IntakeResult> ReadAsync(
        DropReference drop,
        Stream content,
        DropMetadata? metadata,
        IDocumentSink sink,
        IntakeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sink);
        options ??= IntakeOptions.Default;

        var head = new byte[DropSniffer.HeadLength];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var replay = new PrefixedReadStream(head.AsMemory(0, headLength), content);
        var assembler = new IntakeAssembler(drop, options);
        if (DropSniffer.Classify(head.AsSpan(0, headLength)) == DropKind.Dis)
        {
            if (metadata is { IsEmpty: false })
            {
                assembler.Findings.Add(FindingCodes.ManifestIgnored, FindingSeverity.Info,
                    "a DIS package carries its own facts: the manifest beside it (sidecar or blob metadata) was ignored");
            }

            var package = await new DisReader(options.Reader).ReadAsync(replay, drop.DropId, sink, cancellationToken);
            return assembler.FromDis(package);
        }

        var manifestFindings = new List<Finding>();
        var manifest = DropManifestParser.Parse(metadata, options.MaxManifestBytes, manifestFindings);
        var fileName = FileNameOf(drop.Source);
        var pending = new PendingDocument(
            DropIds.DocumentId(drop.DropId, 1), 1, null, manifest?.DocumentLabel?.Text, fileName, FileSignatures.ExtensionOf(fileName));

        // An unsupported file is hashed and reported but not stored: the drop goes to quarantine as a whole.
        var supported = FileSignatures.IsSupportedImage(FileSignatures.Detect(head.AsSpan(0, headLength)));
        var read = await BareDocumentReader.ReadAsync(
            replay, pending, supported ? sink : NullDocumentSink.Instance, options.Reader.MaxDocumentBytes, cancellationToken);
        var result = assembler.FromBareDocument(read, pending, manifest, manifestFindings, metadata is null || metadata.IsEmpty, supported || headLength == 0);
        return manifest is null ? result : result with { ContentSha256 = BareDropContent(read.ContentSha256, result) };
    }

    /// <summary>
    /// The result for a drop the host refused to read (a link, a pipe, a device, a file over the
    /// package limit: facts a host knows before opening it): rejected with <paramref name="reason"/>,
    /// no document, and no content hash (empty: nothing was read, so there is nothing to claim).
    /// </summary>
    public static IntakeResult Refuse(DropReference drop, Finding reason)
    {
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentNullException.ThrowIfNull(reason);
        var finding = reason with { Severity = FindingSeverity.Error, Message = SsnRedaction.Redact(reason.Message) };
        return new IntakeResult(
            drop.DropId, SsnRedaction.Redact(drop.Source), DropKind.Document, string.Empty, IntakeVerdict.Reject, [finding],
            null, null, [], [], null, [], []);
    }

    /// <summary>
    /// A bare document's drop is the file and what its manifest says: the same scan sent for another
    /// entry or importer is a new submission, not a duplicate. Its content hash therefore covers the
    /// file's hash and the manifest's facts as intake normalized them (so a sidecar and blob metadata
    /// saying the same thing agree, and the importer enters only by its keyed lookup key, never as an SSN).
    /// </summary>
    internal static string BareDropContent(string fileSha256, IntakeResult facts)
    {
        var canonical = new StringBuilder("cee-bare-drop\n")
            .Append("file=").Append(fileSha256).Append('\n')
            .Append("port=").Append(facts.Port).Append('\n')
            .Append("filer=").Append(facts.Filer).Append('\n')
            .Append("entries=").AppendJoin(',', facts.Entries).Append('\n')
            .Append("importers=").AppendJoin(',', facts.Importers.Select(i => i.LookupKey)).Append('\n')
            .Append("request=").Append(facts.CbpRequestId).Append('\n')
            .Append("label=").Append(facts.Documents.Count > 0 ? facts.Documents[0].Label : null).Append('\n')
            .Append("lines=").AppendJoin(',', facts.Lines.Select(l => $"{l.Hts}:{l.Line}")).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>The last part of a drop's source (<c>port-drops/2704/invoice.pdf</c> → <c>invoice.pdf</c>), SSN-like digits masked.</summary>
    private static string FileNameOf(string source)
    {
        var slash = source.AsSpan().LastIndexOfAny('/', '\\');
        return SsnRedaction.Redact(slash < 0 ? source : source[(slash + 1)..]);
    }
}
