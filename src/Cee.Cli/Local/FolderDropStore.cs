using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Messages;
using Cee.Routing.Ports;

namespace Cee.Cli.Local;

/// <summary>
/// The drop store of <c>cee route</c>: drops are files under a folder (a drop's source is its path
/// relative to it), a bare document's manifest is the <c>.cee.json</c> file beside it, decoded
/// documents go to <c>&lt;out&gt;/documents/</c> and rejected drops, byte for byte, to
/// <c>&lt;out&gt;/quarantine/&lt;source&gt;</c> with <c>&lt;source&gt;.reasons.json</c> beside them.
/// </summary>
public sealed class FolderDropStore(string dropsRoot, string outRoot, IntakeOptions options) : IDropStore
{
    public const string ManifestSuffix = ".cee.json";
    public const string QuarantineFolder = "quarantine";
    public const string ReasonsSuffix = ".reasons.json";

    private readonly FolderDocumentSink _sink = new(outRoot);

    public async Task<IntakeResult> OpenAsync(DropReference drop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drop);
        var path = PathOf(drop);
        var metadata = await ReadManifestAsync(path + ManifestSuffix, cancellationToken);
        // Unbuffered (bufferSize 1): the reader pulls 64 KiB chunks of its own, so a FileStream buffer would only be a copy.
        await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return await DropIntake.ReadAsync(drop, content, metadata, _sink, options, cancellationToken);
    }

    public async Task QuarantineAsync(DropReference drop, IReadOnlyList<Finding> reasons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drop);
        var source = PathOf(drop);
        var target = Path.Combine(outRoot, QuarantineFolder, drop.Source);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        if (File.Exists(source + ManifestSuffix))
        {
            File.Copy(source + ManifestSuffix, target + ManifestSuffix, overwrite: true);
        }

        var record = new QuarantineReasons(drop.DropId, drop.Source, drop.ContentVersion, reasons);
        await File.WriteAllTextAsync(target + ReasonsSuffix, ContractJson.Serialize(record) + "\n", cancellationToken);
    }

    private string PathOf(DropReference drop) => Path.Combine(dropsRoot, drop.Source);

    // A manifest larger than intake accepts is passed cut short, so intake reports manifest.too-large
    // without this store ever reading an unbounded file into memory.
    private async Task<DropMetadata?> ReadManifestAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(stream.Length, options.MaxManifestBytes + 1L)];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return DropMetadata.FromManifestJson(buffer, Path.GetFileName(path));
    }
}
