using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cee.Routing.Intake;

namespace Cee.Routing.Dis;

/// <summary>
/// The read-through stream between the drop and <see cref="System.Xml.XmlReader"/>. It hashes every
/// byte (the drop's SHA-256), stops the read past <see cref="DisReaderOptions.MaxPackageBytes"/>, and
/// follows the XML's lexical structure byte by byte to refuse what XmlReader would hold whole in
/// memory (a giant tag or CDATA section) or must never see (a DTD), and to know, when XmlReader
/// fails, whether the input simply stopped early (truncated) or is malformed.
/// </summary>
/// <remarks>
/// It also does XML's end-of-line normalization (CR LF and CR to LF) before XmlReader sees the
/// bytes, which the XML specification puts before parsing and which is much faster here.
/// The scan works on bytes, so it assumes an ASCII-compatible encoding (UTF-8, ASCII, Latin-1);
/// the caller refuses UTF-16 and UTF-32 before reading. It costs a few vectorized passes per
/// buffer: text (Base64 included) is skipped with one <c>IndexOf('&lt;')</c>.
/// </remarks>
internal sealed class XmlGuardStream : Stream
{
    private static readonly SearchValues<byte> TagStops = SearchValues.Create("<>\"'"u8);

    private readonly Stream _inner;
    private readonly CancellationToken _cancellationToken;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly long _maxBytes;
    private readonly int _maxMarkupBytes;
    private readonly int _maxCDataBytes;
    private readonly byte[] _bang = new byte[8];

    private Lex _lex = Lex.Text;
    private long _runBytes;
    private bool _endTag;
    private byte _lastTagByte;
    private byte _quote;
    private byte _previous1;
    private byte _previous2;
    private int _bangLength;
    private int _depth;

    // Position of the next byte as XmlReader counts it: 1-based line, characters before it on the line.
    private long _line = 1;
    private long _column;
    private bool _started;

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

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>True once the drop returned its last byte.</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>False while draining after the parse stopped: only hashing and the size limit apply then.</summary>
    public bool Guarding { get; set; } = true;

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

    /// <summary>Reads the rest of the drop, hashing it, after the parse stopped early.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        Guarding = false;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await ReadAsync(buffer.AsMemory(), cancellationToken) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var read = _inner.Read(buffer);
            var kept = Accept(buffer[..read]);

            // A read whose every byte was a line feed folded into the previous CR must not look like the end.
            if (kept > 0 || read == 0)
            {
                return kept;
            }
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var token = cancellationToken.CanBeCanceled ? cancellationToken : _cancellationToken;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var read = await _inner.ReadAsync(buffer, token);
            var kept = Accept(buffer.Span[..read]);
            if (kept > 0 || read == 0)
            {
                return kept;
            }
        }
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
        }

        base.Dispose(disposing);
    }

    /// <summary>Hashes and counts a chunk as received; when guarding, normalizes its line ends and scans it. Returns the bytes kept.</summary>
    private int Accept(Span<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            ReachedEnd = true;
            return 0;
        }

        _hash.AppendData(chunk);
        BytesRead += chunk.Length;
        if (BytesRead > _maxBytes)
        {
            throw new DisLimitException(
                FindingCodes.PackageTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"the package is larger than the {_maxBytes:N0}-byte limit; reading stopped there"));
        }

        if (!Guarding)
        {
            return chunk.Length;
        }

        var kept = NormalizeLineEnds(chunk);
        Scan(chunk[..kept]);
        return kept;
    }

    /// <summary>
    /// XML end-of-line handling (XML 1.0 §2.11), done here rather than in XmlReader: every CR LF and
    /// every lone CR becomes one LF before parsing, exactly as the parser would see it. XmlReader
    /// normalizes CR LF by shifting its buffer once per line, which made MIME-wrapped Base64 (a CR LF
    /// every 76 characters) twice as slow to read; a vectorized search and one copy per line is cheap.
    /// The package's SHA-256 is taken before, over the bytes as received.
    /// </summary>
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

    private void Scan(ReadOnlySpan<byte> chunk)
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
        while (i < chunk.Length)
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
                            CloseTag(selfClosing: !_endTag && before == '/');
                            lastEnd = i + stop;
                            _lex = Lex.Text;
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

        if (lastEnd >= 0)
        {
            Advance(chunk[..(lastEnd + 1)]);
            LastMarkupEnd = (_line, _column);
            Advance(chunk[(lastEnd + 1)..]);
        }
        else
        {
            Advance(chunk);
        }
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
