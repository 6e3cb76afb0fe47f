using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cee.Routing.Intake;

namespace Cee.Routing.Dis;

/// <summary>
/// The buffered read-through stream between the drop and <see cref="System.Xml.XmlReader"/>. It hashes
/// every byte as received (the drop's SHA-256), stops past <see cref="DisReaderOptions.MaxPackageBytes"/>,
/// and follows the XML's lexical structure byte by byte: to refuse what XmlReader would hold whole in
/// memory (a giant tag or CDATA section) or must never see (a DTD); to know, when XmlReader fails,
/// whether the input simply stopped early (truncated) or is malformed; and to hand the Base64 text
/// of a DocumentObject to the reader as bytes, without XmlReader (<see cref="ReadRawTextAsync"/>).
/// </summary>
/// <remarks>
/// <para>
/// The fast path: every hand-out to XmlReader ends right after the <c>&gt;</c> of a
/// <c>DocumentObject</c> start tag, so XmlReader reports that element having read nothing past it.
/// The reader then claims the element's text straight from this buffer (<see cref="TryClaimText"/>)
/// up to the first <c>&lt;</c> or <c>&amp;</c>, and XmlReader reads on from there: the end tag, or a
/// comment, CDATA section or reference it handles as usual. XmlReader's own text path (UTF-8 to
/// UTF-16, a character-by-character scan, a copy) cost more than Base64 decoding and hashing together.
/// Nothing depends on the fast path: if XmlReader ever read past the cut, the claim fails and the
/// reader takes the text from XmlReader.
/// </para>
/// <para>
/// It also does XML's end-of-line normalization (CR LF and lone CR to LF, XML 1.0 §2.11) before
/// XmlReader sees the bytes: XmlReader does it by shifting its buffer once per line, which made
/// MIME-wrapped Base64 twice as slow. The scan works on bytes, so it assumes an ASCII-compatible
/// encoding (UTF-8, ASCII, Latin-1); UTF-16 and UTF-32 are refused with their own finding.
/// </para>
/// </remarks>
internal sealed class XmlGuardStream : Stream
{
    private const int BufferSize = 64 * 1024;
    private const int MaxTagName = 64;

    private static readonly SearchValues<byte> TagStops = SearchValues.Create("<>\"'"u8);
    private static readonly SearchValues<byte> NameStops = SearchValues.Create(" \t\r\n/>\"'="u8);
    private static readonly SearchValues<byte> TextStops = SearchValues.Create("<&"u8);

    private readonly Stream _inner;
    private readonly CancellationToken _cancellationToken;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly long _maxBytes;
    private readonly int _maxMarkupBytes;
    private readonly int _maxCDataBytes;
    private readonly byte[] _bang = new byte[8];
    private readonly byte[] _tagName = new byte[MaxTagName];

    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _start;
    private int _end;

    private Lex _lex = Lex.Text;
    private long _runBytes;
    private bool _endTag;
    private byte _lastTagByte;
    private byte _quote;
    private byte _previous1;
    private byte _previous2;
    private int _bangLength;
    private int _depth;
    private bool _collectingName;
    private int _tagNameLength;
    private bool _textClaimable;

    // Position of the next byte as XmlReader counts it: 1-based line, characters before it on the line.
    private long _line = 1;
    private long _column;
    private bool _started;

    // What XmlReader did not see (text taken raw): its lines, and the column shift on the line it was taken on.
    private long _skippedLines;
    private long _shiftLine;
    private long _columnShift;

    // The first two bytes, to refuse UTF-16 and UTF-32, whose bytes the scan cannot follow.
    private int _headLength;
    private byte _head0;
    private bool _pendingCarriageReturn;

    /// <param name="cancellationToken">The read's token: XmlReader reads without one, so the guard passes it to every read of the drop.</param>
    public XmlGuardStream(Stream inner, DisReaderOptions options, CancellationToken cancellationToken)
    {
        _inner = inner;
        _cancellationToken = cancellationToken;
        _maxBytes = options.MaxPackageBytes;
        _maxMarkupBytes = options.MaxMarkupBytes;
        _maxCDataBytes = options.MaxTextChars;
    }

    private enum Lex
    {
        Text,
        Open,
        Bang,
        Tag,
        Quoted,
        Comment,
        ProcessingInstruction,
        CData,
        Other,
    }

    /// <summary>Bytes read from the drop so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Bytes of DocumentObject text handed over by <see cref="ReadRawTextAsync"/> rather than through XmlReader.</summary>
    public long RawTextBytes { get; private set; }

    /// <summary>True once the drop returned its last byte.</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>True once a root start tag was read.</summary>
    public bool RootSeen { get; private set; }

    /// <summary>True once the root element was closed.</summary>
    public bool RootClosed { get; private set; }

    /// <summary>Line and column of the <c>&gt;</c> that ended the last complete tag, comment, PI or CDATA section, or (0, 0).</summary>
    public (long Line, long Column) LastMarkupEnd { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(XmlGuardStream));

    /// <summary>Lower-case hex SHA-256 of every byte read so far.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>
    /// True when an XmlReader error at (<paramref name="line"/>, <paramref name="column"/>) is the input
    /// running out rather than a fault in what came before: the drop ended with the root element
    /// still open and no complete markup follows the error's position.
    /// </summary>
    public bool IsTruncationAt(int line, int column)
    {
        if (!ReachedEnd || RootClosed)
        {
            return false;
        }

        if (line <= 0)
        {
            // XmlReader gives no position for "root element is missing": the input stopped before it.
            return !RootSeen;
        }

        var (endLine, endColumn) = LastMarkupEnd;
        return line > endLine || (line == endLine && column > endColumn);
    }

    /// <summary>
    /// True when XmlReader has just reported a DocumentObject start tag and read nothing after it, so
    /// its text can be taken with <see cref="ReadRawTextAsync"/>. Claims it: true once per cut.
    /// </summary>
    public bool TryClaimText()
    {
        var claimable = _textClaimable;
        _textClaimable = false;
        return claimable;
    }

    /// <summary>
    /// The next run of element text as bytes, after a successful <see cref="TryClaimText"/>: empty at the
    /// first <c>&lt;</c> or <c>&amp;</c> (left for XmlReader) or at the end of the drop. The memory is
    /// this stream's buffer: valid until the next call.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadRawTextAsync()
    {
        if (_start == _end && !await FillAsync())
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var region = Buffer.AsMemory(_start, _end - _start);
        var stop = region.Span.IndexOfAny(TextStops);
        var text = stop < 0 ? region : region[..stop];
        Skip(text.Span);
        _start += text.Length;
        RawTextBytes += text.Length;
        return text;
    }

    /// <summary>
    /// Where an XmlReader position (<paramref name="line"/>, <paramref name="column"/>) is in the package:
    /// XmlReader never saw the text taken by <see cref="ReadRawTextAsync"/>, so its lines and columns
    /// leave it out (and positions compared with <see cref="LastMarkupEnd"/> must too). The reader's
    /// position is always after every taken run, so the runs' lines all come before it.
    /// </summary>
    public (long Line, long Column) ToPackagePosition(int line, int column) =>
        (line + _skippedLines, line == _shiftLine ? column + _columnShift : column);

    /// <summary>Reads the rest of the drop, hashing it, after the parse stopped early.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        _start = _end;
        while (!ReachedEnd)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = await _inner.ReadAsync(Buffer.AsMemory(0, BufferSize), cancellationToken);
            Received(Buffer.AsSpan(0, read));
        }

        _start = _end = 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        _textClaimable = false;
        if (buffer.IsEmpty || (_start == _end && !Fill()))
        {
            return 0;
        }

        return HandOut(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _textClaimable = false;
        if (buffer.IsEmpty || (_start == _end && !await FillAsync(cancellationToken)))
        {
            return 0;
        }

        return HandOut(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = null;
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Copies scanned bytes to XmlReader's buffer, stopping after a DocumentObject start tag.</summary>
    private int HandOut(Span<byte> destination)
    {
        var region = Buffer.AsSpan(_start, Math.Min(_end - _start, destination.Length));
        var scanned = Scan(region);
        region[..scanned].CopyTo(destination);
        _start += scanned;
        return scanned;
    }

    private bool Fill()
    {
        while (!ReachedEnd)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (Received(Buffer.AsSpan(0, _inner.Read(Buffer.AsSpan(0, BufferSize)))))
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken = default)
    {
        var token = cancellationToken.CanBeCanceled ? cancellationToken : _cancellationToken;
        while (!ReachedEnd)
        {
            token.ThrowIfCancellationRequested();
            var read = await _inner.ReadAsync(Buffer.AsMemory(0, BufferSize), token);
            if (Received(Buffer.AsSpan(0, read)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Takes a chunk as received into the buffer: hashes and counts it, enforces the size limit,
    /// normalizes its line ends. False when nothing is left to hand out (the end, or a lone LF folded
    /// into a CR of the previous chunk).
    /// </summary>
    private bool Received(Span<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            ReachedEnd = true;
            _start = _end = 0;
            return false;
        }

        _hash.AppendData(chunk);
        BytesRead += chunk.Length;
        if (BytesRead > _maxBytes)
        {
            throw new DisLimitException(
                FindingCodes.PackageTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"the package is larger than the {_maxBytes:N0}-byte limit; reading stopped there"));
        }

        _start = 0;
        _end = NormalizeLineEnds(chunk);
        return _end > 0;
    }

    /// <summary>CR LF and lone CR become LF, in place (XML 1.0 §2.11). Returns the new length.</summary>
    private int NormalizeLineEnds(Span<byte> chunk)
    {
        var read = 0;
        if (_pendingCarriageReturn)
        {
            // The previous chunk ended in a CR, already passed on as LF: its LF is dropped here.
            _pendingCarriageReturn = false;
            if (chunk[0] == '\n')
            {
                read = 1;
            }
        }

        var next = chunk[read..].IndexOf((byte)'\r');
        if (next < 0)
        {
            if (read == 0)
            {
                return chunk.Length;
            }

            chunk[read..].CopyTo(chunk);
            return chunk.Length - read;
        }

        var write = 0;
        while (next >= 0)
        {
            chunk.Slice(read, next).CopyTo(chunk[write..]);
            write += next;
            read += next;

            // chunk[read] is a CR.
            chunk[write++] = (byte)'\n';
            if (read + 1 == chunk.Length)
            {
                _pendingCarriageReturn = true;
                read++;
                break;
            }

            read += chunk[read + 1] == '\n' ? 2 : 1;
            next = chunk[read..].IndexOf((byte)'\r');
        }

        var rest = chunk[read..];
        rest.CopyTo(chunk[write..]);
        return write + rest.Length;
    }

    /// <summary>
    /// Follows the lexical structure over <paramref name="chunk"/>, throwing on a DTD or an oversized
    /// construct. Returns how many bytes it took: all of them, or up to and including the <c>&gt;</c> of
    /// a DocumentObject start tag (the cut).
    /// </summary>
    private int Scan(ReadOnlySpan<byte> chunk)
    {
        if (_headLength < 2)
        {
            CheckEncoding(chunk);
        }

        if (!_started)
        {
            _started = true;

            // XmlReader does not count a byte order mark as a character.
            if (chunk.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _column = -1;
            }
        }

        var lastEnd = -1;
        var i = 0;
        var cut = false;
        while (i < chunk.Length && !cut)
        {
            var rest = chunk[i..];
            switch (_lex)
            {
                case Lex.Text:
                    {
                        var open = rest.IndexOf((byte)'<');
                        if (open < 0)
                        {
                            i = chunk.Length;
                            break;
                        }

                        i += open + 1;
                        _lex = Lex.Open;
                        _runBytes = 1;
                        break;
                    }

                case Lex.Open:
                    {
                        var b = rest[0];
                        if (b is (byte)'/' or (byte)'?' or (byte)'!')
                        {
                            i++;
                            _runBytes++;
                        }

                        _lastTagByte = 0;
                        _previous1 = _previous2 = 0;
                        _endTag = b == '/';
                        _collectingName = b is not ((byte)'/' or (byte)'?' or (byte)'!');
                        _tagNameLength = 0;
                        _lex = b switch
                        {
                            (byte)'?' => Lex.ProcessingInstruction,
                            (byte)'!' => Lex.Bang,
                            _ => Lex.Tag,
                        };
                        _bangLength = 0;
                        break;
                    }

                case Lex.Bang:
                    _bang[_bangLength++] = rest[0];
                    i++;
                    _runBytes++;
                    _lex = ClassifyBang();
                    break;

                case Lex.Tag:
                    {
                        if (_collectingName)
                        {
                            CollectName(rest);
                        }

                        var stop = rest.IndexOfAny(TagStops);
                        if (stop < 0)
                        {
                            _runBytes += rest.Length;
                            _lastTagByte = rest[^1];
                            CheckMarkupLength();
                            i = chunk.Length;
                            break;
                        }

                        _runBytes += stop + 1;
                        CheckMarkupLength();
                        var c = rest[stop];
                        if (c == '>')
                        {
                            var before = stop > 0 ? rest[stop - 1] : _lastTagByte;
                            var selfClosing = !_endTag && before == '/';
                            CloseTag(selfClosing);
                            lastEnd = i + stop;
                            _lex = Lex.Text;

                            // Cut after a DocumentObject start tag: its text is the reader's to claim.
                            if (!_endTag && !selfClosing && IsDocumentObjectName())
                            {
                                cut = true;
                                _textClaimable = true;
                            }
                        }
                        else if (c == '<')
                        {
                            // Not well-formed ('<' inside a tag); XmlReader reports it. Start over here.
                            _runBytes = 1;
                            _lex = Lex.Open;
                        }
                        else
                        {
                            _quote = c;
                            _lex = Lex.Quoted;
                        }

                        i += stop + 1;
                        break;
                    }

                case Lex.Quoted:
                    {
                        var close = rest.IndexOf(_quote);
                        if (close < 0)
                        {
                            _runBytes += rest.Length;
                            CheckMarkupLength();
                            i = chunk.Length;
                            break;
                        }

                        _runBytes += close + 1;
                        CheckMarkupLength();
                        _lastTagByte = _quote;
                        _lex = Lex.Tag;
                        i += close + 1;
                        break;
                    }

                default:
                    {
                        // Comment, processing instruction, CDATA or other '<!' markup: ends at a '>'
                        // preceded by its terminator ("--", "?", "]]").
                        var gt = rest.IndexOf((byte)'>');
                        if (gt < 0)
                        {
                            _runBytes += rest.Length;
                            Remember(rest);
                            CheckConstructLength();
                            i = chunk.Length;
                            break;
                        }

                        _runBytes += gt + 1;
                        CheckConstructLength();
                        var p1 = gt >= 1 ? rest[gt - 1] : _previous1;
                        var p2 = gt >= 2 ? rest[gt - 2] : gt == 1 ? _previous1 : _previous2;
                        var ends = _lex switch
                        {
                            Lex.Comment => p1 == '-' && p2 == '-',
                            Lex.ProcessingInstruction => p1 == '?',
                            Lex.CData => p1 == ']' && p2 == ']',
                            _ => true,
                        };
                        if (ends)
                        {
                            lastEnd = i + gt;
                            _lex = Lex.Text;
                        }
                        else
                        {
                            _previous2 = p1;
                            _previous1 = (byte)'>';
                        }

                        i += gt + 1;
                        break;
                    }
            }
        }

        var taken = chunk[..i];
        if (lastEnd >= 0)
        {
            Advance(taken[..(lastEnd + 1)]);
            LastMarkupEnd = (_line, _column);
            Advance(taken[(lastEnd + 1)..]);
        }
        else
        {
            Advance(taken);
        }

        return i;
    }

    /// <summary>Keeps the first <see cref="MaxTagName"/> bytes of a start tag's name (enough to recognize DocumentObject).</summary>
    private void CollectName(ReadOnlySpan<byte> rest)
    {
        var end = rest.IndexOfAny(NameStops);
        var part = end < 0 ? rest : rest[..end];
        var room = Math.Max(0, MaxTagName - _tagNameLength);
        var copy = Math.Min(room, part.Length);
        part[..copy].CopyTo(_tagName.AsSpan(MaxTagName - room));

        // A longer name is marked by a length past the maximum: it is not DocumentObject.
        _tagNameLength = part.Length > room ? MaxTagName + 1 : _tagNameLength + copy;
        _collectingName = end < 0;
    }

    /// <summary>The tag's local name (after any prefix) is DocumentObject; the reader checks its namespace.</summary>
    private bool IsDocumentObjectName()
    {
        if (_tagNameLength > MaxTagName)
        {
            return false;
        }

        var name = _tagName.AsSpan(0, _tagNameLength);
        var colon = name.LastIndexOf((byte)':');
        return name[(colon + 1)..].SequenceEqual("DocumentObject"u8);
    }

    private void CheckEncoding(ReadOnlySpan<byte> chunk)
    {
        foreach (var b in chunk)
        {
            if (_headLength == 0)
            {
                _head0 = b;
            }

            _headLength++;
            var wide = _headLength == 1
                ? b == 0x00
                : (_head0, b) is (0xFE, 0xFF) or (0xFF, 0xFE) or ((byte)'<', 0x00);
            if (wide)
            {
                throw new DisLimitException(
                    FindingCodes.UnsupportedEncoding,
                    "the package is UTF-16 or UTF-32; DIS packages are read as UTF-8 (or another ASCII-compatible encoding named in the XML declaration)");
            }

            if (_headLength == 2)
            {
                return;
            }
        }
    }

    private Lex ClassifyBang()
    {
        var seen = _bang.AsSpan(0, _bangLength);
        if (seen[0] is (byte)'D' or (byte)'d')
        {
            throw new DisLimitException(
                FindingCodes.DtdProhibited,
                "the package declares a DTD (<!DOCTYPE>); DTDs are refused before parsing, so no entity is expanded and no external resource is read");
        }

        if ("--"u8.StartsWith(seen))
        {
            return seen.Length == 2 ? Lex.Comment : Lex.Bang;
        }

        if ("[CDATA["u8.StartsWith(seen))
        {
            return seen.Length == 7 ? Lex.CData : Lex.Bang;
        }

        return Lex.Other;
    }

    private void CloseTag(bool selfClosing)
    {
        if (_endTag)
        {
            if (_depth > 0)
            {
                _depth--;
            }

            RootClosed |= _depth == 0 && RootSeen;
            return;
        }

        if (_depth == 0)
        {
            RootSeen = true;
        }

        if (selfClosing)
        {
            RootClosed |= _depth == 0;
        }
        else
        {
            _depth++;
        }
    }

    private void Remember(ReadOnlySpan<byte> tail)
    {
        if (tail.Length >= 2)
        {
            _previous2 = tail[^2];
            _previous1 = tail[^1];
        }
        else if (tail.Length == 1)
        {
            _previous2 = _previous1;
            _previous1 = tail[0];
        }
    }

    private void CheckMarkupLength()
    {
        if (_runBytes > _maxMarkupBytes)
        {
            throw new DisLimitException(
                FindingCodes.MarkupTooLong,
                string.Create(CultureInfo.InvariantCulture, $"a tag (name and attributes) is longer than the {_maxMarkupBytes:N0}-byte limit"));
        }
    }

    private void CheckConstructLength()
    {
        switch (_lex)
        {
            case Lex.CData when _runBytes > _maxCDataBytes:
                throw new DisLimitException(
                    FindingCodes.TextTooLong,
                    string.Create(CultureInfo.InvariantCulture, $"a CDATA section is longer than the {_maxCDataBytes:N0}-byte limit (XmlReader holds CDATA whole; a DocumentObject must be plain Base64 text)"));
            case Lex.ProcessingInstruction or Lex.Other or Lex.Bang when _runBytes > _maxMarkupBytes:
                CheckMarkupLength();
                break;
        }
    }

    /// <summary>Records text XmlReader will not see: the position XmlReader counts stays, the mapping to the package moves.</summary>
    private void Skip(ReadOnlySpan<byte> text)
    {
        if (_shiftLine != _line)
        {
            _shiftLine = _line;
            _columnShift = 0;
        }

        var newline = text.LastIndexOf((byte)'\n');
        if (newline < 0)
        {
            _columnShift += CountCharacters(text);
            return;
        }

        // After a newline, XmlReader's next character (its column _column + 1) is the package's column m + 1.
        _skippedLines += text.Count((byte)'\n');
        _columnShift = CountCharacters(text[(newline + 1)..]) - _column;
    }

    /// <summary>Moves the position over <paramref name="bytes"/>: lines by '\n', columns by UTF-8 characters.</summary>
    private void Advance(ReadOnlySpan<byte> bytes)
    {
        var newline = bytes.LastIndexOf((byte)'\n');
        if (newline >= 0)
        {
            _line += bytes.Count((byte)'\n');
            _column = CountCharacters(bytes[(newline + 1)..]);
        }
        else
        {
            _column += CountCharacters(bytes);
        }
    }

    private static int CountCharacters(ReadOnlySpan<byte> bytes)
    {
        if (Ascii.IsValid(bytes))
        {
            return bytes.Length;
        }

        // UTF-8 continuation bytes (10xxxxxx) do not start a character.
        var characters = 0;
        foreach (var b in bytes)
        {
            characters += (b & 0xC0) == 0x80 ? 0 : 1;
        }

        return characters;
    }
}
