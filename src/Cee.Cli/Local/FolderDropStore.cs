using System.Globalization;
using Cee.Cli.Local.Output;
using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Messages;
using Cee.Routing.Ports;

namespace Cee.Cli.Local;

/// <summary>
/// The drop store of <c>cee route</c>: a drop is a regular file under a folder (its source is its path
/// relative to it); a bare document's manifest is the <c>.cee.json</c> file beside it; decoded
/// documents go to <c>&lt;out&gt;/documents/</c>; rejected drops, byte for byte, to
/// <c>&lt;out&gt;/quarantine/</c> (see <see cref="QuarantineNames"/>) with <c>.reasons.json</c> beside them.
/// <para>
/// Links are never followed, and nothing that is not a regular file is opened: a symbolic link, a
/// pipe, a device or a socket is rejected unread, as is a file over the package limit (its size is
/// known before reading); their quarantine keeps a reference (the reasons file), not a copy.
/// </para>
/// </summary>
public sealed class FolderDropStore(string dropsRoot, OutputFolder output, IntakeOptions options) : IDropStore
{
    public const string ManifestSuffix = ".cee.json";
    public const string QuarantineFolder = "quarantine";
    public const string ReasonsSuffix = ".reasons.json";

    private readonly FolderDocumentSink _sink = new(output);

    /// <summary>The largest drop read: the DIS package limit or the bare document limit, whichever is larger.</summary>
    public long MaxDropBytes { get; } = Math.Max(options.Reader.MaxPackageBytes, options.Reader.MaxDocumentBytes);

    public async Task<IntakeResult> OpenAsync(DropReference drop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drop);
        var path = PathOf(drop);
        if (Refusal(path) is { } refused)
        {
            return DropIntake.Refuse(drop, refused);
        }

        var metadata = await ReadManifestAsync(path + ManifestSuffix, cancellationToken);
        if (metadata.Refusal is { } manifestRefused)
        {
            return DropIntake.Refuse(drop, manifestRefused);
        }

        // Unbuffered (bufferSize 1): the reader pulls 64 KiB chunks of its own, so a FileStream buffer would only be a copy.
        await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return await DropIntake.ReadAsync(drop, content, metadata.Metadata, _sink, options, cancellationToken);
    }

    /// <summary>
    /// Copies the drop (and its manifest) into quarantine, then writes the reasons: each file whole or
    /// not at all, all in place before the workflow records the drop Rejected. Only a regular file
    /// within the package limit is copied.
    /// </summary>
    public async Task QuarantineAsync(DropReference drop, IReadOnlyList<Finding> reasons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drop);
        var source = PathOf(drop);
        var target = $"{QuarantineFolder}/{QuarantineNames.For(drop.Source)}";
        var status = DropFiles.Lstat(source);
        var copy = status.Kind == DropFileKind.Regular && status.Size <= MaxDropBytes;
        if (copy)
        {
            await output.CopyAtomicallyAsync(source, target, OutputWriteKind.QuarantineCopy, cancellationToken);
            var manifest = DropFiles.Lstat(source + ManifestSuffix);
            if (manifest.Kind == DropFileKind.Regular && manifest.Size <= options.MaxManifestBytes)
            {
                await output.CopyAtomicallyAsync(source + ManifestSuffix, target + ManifestSuffix, OutputWriteKind.QuarantineCopy, cancellationToken);
            }
        }

        var record = new QuarantineReasons(
            drop.DropId, Routing.Identifiers.SsnRedaction.Redact(drop.Source), drop.ContentVersion, reasons, status.Size,
            copy ? QuarantineReasons.KeptCopy : QuarantineReasons.KeptReference);
        output.WriteAtomically(target + ReasonsSuffix, System.Text.Encoding.UTF8.GetBytes(ContractJson.Serialize(record) + "\n"), OutputWriteKind.QuarantineReasons);
    }

    private string PathOf(DropReference drop) => Path.Combine(dropsRoot, drop.Source);

    private Finding? Refusal(string path)
    {
        var status = DropFiles.Lstat(path);
        if (status.Kind != DropFileKind.Regular)
        {
            return new Finding(FindingCodes.DropNotRegularFile, FindingSeverity.Error,
                $"the drop is {status.Describe()}, not a regular file: cee reads only regular files and follows no links; it was not read");
        }

        return status.Size > MaxDropBytes
            ? new Finding(FindingCodes.DropTooLarge, FindingSeverity.Error, string.Create(CultureInfo.InvariantCulture,
                $"the drop is {status.Size:N0} bytes, over the {MaxDropBytes:N0}-byte limit; it was not read, and quarantine keeps a reference, not a copy"))
            : null;
    }

    // A manifest larger than intake accepts is passed cut short, so intake reports manifest.too-large
    // without this store ever reading an unbounded file into memory.
    private async Task<(DropMetadata? Metadata, Finding? Refusal)> ReadManifestAsync(string path, CancellationToken cancellationToken)
    {
        var status = DropFiles.Lstat(path);
        if (status.Kind == DropFileKind.Missing)
        {
            return (null, null);
        }

        if (status.Kind != DropFileKind.Regular)
        {
            return (null, new Finding(FindingCodes.DropNotRegularFile, FindingSeverity.Error,
                $"the drop's manifest {Path.GetFileName(path)} is {status.Describe()}, not a regular file; the drop was not read"));
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.None);
        var buffer = new byte[(int)Math.Min(status.Size, options.MaxManifestBytes + 1L)];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return (DropMetadata.FromManifestJson(buffer.AsMemory(0, read), Path.GetFileName(path)), null);
    }
}
