using Cee.Routing.Drops;
using Cee.Routing.Intake;

namespace Cee.Functions.Storage;

/// <summary>
/// The intake result of a drop that could not be read because its blob is gone or holds other
/// content than the drop names (the port replaced it after the event). Not an error to retry: the
/// workflow records the drop as rejected with this reason, and the replacing content, if any, is a
/// drop of its own (its own event, its own content version).
/// </summary>
public static class UnreadDrop
{
    /// <summary>The blob no longer exists.</summary>
    public const string MissingCode = "drop.missing";

    /// <summary>The blob now holds other content than the content version the drop names.</summary>
    public const string SupersededCode = "drop.superseded";

    /// <summary>SHA-256 of zero bytes: nothing was read. Never the content of a routed drop (an empty drop is rejected), so never a duplicate's original.</summary>
    public const string NothingReadSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static IntakeResult Missing(DropReference drop) =>
        Result(drop, new Finding(MissingCode, FindingSeverity.Error, $"{drop?.Source} was deleted before it could be read"));

    public static IntakeResult Superseded(DropReference drop) =>
        Result(drop, new Finding(
            SupersededCode,
            FindingSeverity.Error,
            $"{drop?.Source} was replaced by other content before it could be read; the new content is routed as a drop of its own"));

    private static IntakeResult Result(DropReference? drop, Finding reason)
    {
        ArgumentNullException.ThrowIfNull(drop);

        // Kind: not read, so not known to be a DIS package.
        return new IntakeResult(
            drop.DropId, drop.Source, DropKind.Document, NothingReadSha256, IntakeVerdict.Reject, [reason],
            Port: null, Filer: null, Entries: [], Importers: [], CbpRequestId: null, Documents: [], Lines: []);
    }
}
