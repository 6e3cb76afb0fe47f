using Cee.Routing.Documents;

namespace Cee.Routing.Intake;

/// <summary>Decides from a drop's first bytes whether it is a DIS package (XML) or a bare document.</summary>
internal static class DropSniffer
{
    /// <summary>Bytes read from the head of a drop to decide.</summary>
    public const int HeadLength = 512;

    public static DropKind Classify(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty || FileSignatures.IsSupportedImage(FileSignatures.Detect(head)))
        {
            return DropKind.Document;
        }

        // UTF-16 and UTF-32 XML: the reader refuses it with its own finding, so it counts as DIS here.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            || head.StartsWith("<\0"u8) || head.StartsWith("\0<"u8)
            || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) || head.StartsWith("\0\0\0<"u8))
        {
            return DropKind.Dis;
        }

        var text = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        var first = text.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && text[first] == '<' ? DropKind.Dis : DropKind.Document;
    }
}
