using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Cee.Routing.Dis;

/// <summary>
/// Decodes Base64 text as XmlReader hands it over in chunks of characters: whitespace anywhere,
/// quads split across chunks, padding only at the very end. Each chunk is narrowed to ASCII
/// (vectorized), stripped of whitespace only when it has some, and decoded with
/// <see cref="Base64.DecodeFromUtf8(ReadOnlySpan{byte}, Span{byte}, out int, out int, bool)"/>
/// holding back the last quad, which may be the padded final one. Buffers are pooled and reused
/// for every document of a package, so decoding allocates nothing per chunk.
/// </summary>
internal sealed class Base64ChunkDecoder : IDisposable
{
    /// <summary>Characters handed over per <c>ReadValueChunk</c> call: XmlReader's own async buffer size.</summary>
    public const int ChunkChars = 64 * 1024;

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    private byte[]? _ascii = ArrayPool<byte>.Shared.Rent(ChunkChars + 4);
    private byte[]? _output = ArrayPool<byte>.Shared.Rent(((ChunkChars + 4) / 4 * 3) + 3);
    private char[]? _chars = ArrayPool<char>.Shared.Rent(ChunkChars);
    private int _carry;

    /// <summary>Where the caller reads the next chunk of characters to.</summary>
    public char[] Chars => _chars ?? throw new ObjectDisposedException(nameof(Base64ChunkDecoder));

    /// <summary>Starts a new document.</summary>
    public void Reset()
    {
        _carry = 0;
    }

    /// <summary>
    /// Decodes the first <paramref name="count"/> characters of <see cref="Chars"/>. False when they are
    /// not Base64 (a character outside the alphabet, data after padding). The decoded bytes stay valid
    /// until the next call.
    /// </summary>
    public bool TryDecode(int count, out ReadOnlyMemory<byte> decoded)
    {
        decoded = ReadOnlyMemory<byte>.Empty;
        return Ascii.FromUtf16(Chars.AsSpan(0, count), _ascii.AsSpan(_carry), out var narrowed) == OperationStatus.Done
            && TryDecodeFresh(narrowed, out decoded);
    }

    /// <summary>
    /// Decodes Base64 text given as bytes (UTF-8, straight from the drop: see <see cref="XmlGuardStream.ReadRawTextAsync"/>),
    /// at most <see cref="ChunkChars"/> of them. Anything outside ASCII is invalid Base64 and fails the decode.
    /// </summary>
    public bool TryDecodeBytes(ReadOnlySpan<byte> text, out ReadOnlyMemory<byte> decoded)
    {
        text.CopyTo(_ascii.AsSpan(_carry));
        return TryDecodeFresh(text.Length, out decoded);
    }

    /// <summary>Decodes the carried bytes and <paramref name="narrowed"/> fresh ones placed after them.</summary>
    private bool TryDecodeFresh(int narrowed, out ReadOnlyMemory<byte> decoded)
    {
        decoded = ReadOnlyMemory<byte>.Empty;
        var ascii = _ascii!;
        var fresh = ascii.AsSpan(_carry, narrowed);
        var firstSpace = fresh.IndexOfAny(Whitespace);
        var length = _carry + (firstSpace < 0 ? narrowed : Compact(fresh, firstSpace));
        if (length == _carry)
        {
            return true;
        }

        // Keep back the partial quad, or the last whole quad when there is no partial one: it may
        // end in padding, which only the final block may hold. A padded quad that turns out not to
        // be the last is decoded as a non-final block, which refuses the padding.
        var keep = length % 4 == 0 ? 4 : length % 4;
        var decodeLength = length - keep;
        if (decodeLength > 0)
        {
            var status = Base64.DecodeFromUtf8(ascii.AsSpan(0, decodeLength), _output, out var consumed, out var written, isFinalBlock: false);
            if (status != OperationStatus.Done || consumed != decodeLength)
            {
                return false;
            }

            decoded = _output.AsMemory(0, written);
            ascii.AsSpan(decodeLength, keep).CopyTo(ascii);
            _carry = keep;
        }
        else
        {
            _carry = length;
        }

        return true;
    }

    /// <summary>Decodes what is held back at the end of the text. False when the text ends in a partial quad.</summary>
    public bool TryFinish(out ReadOnlyMemory<byte> decoded)
    {
        decoded = ReadOnlyMemory<byte>.Empty;
        if (_carry == 0)
        {
            return true;
        }

        var status = Base64.DecodeFromUtf8(_ascii.AsSpan(0, _carry), _output, out var consumed, out var written, isFinalBlock: true);
        if (status != OperationStatus.Done || consumed != _carry)
        {
            return false;
        }

        decoded = _output.AsMemory(0, written);
        _carry = 0;
        return true;
    }

    public void Dispose()
    {
        if (_chars is not null)
        {
            ArrayPool<char>.Shared.Return(_chars);
            ArrayPool<byte>.Shared.Return(_ascii!);
            ArrayPool<byte>.Shared.Return(_output!);
            _chars = null;
            _ascii = null;
            _output = null;
        }
    }

    /// <summary>Removes whitespace in place from <paramref name="span"/>, whose first whitespace is at <paramref name="first"/>; returns the new length.</summary>
    private static int Compact(Span<byte> span, int first)
    {
        var write = first;
        var read = first + 1;
        while (read < span.Length)
        {
            var rest = span[read..];
            var run = rest.IndexOfAny(Whitespace);
            if (run < 0)
            {
                rest.CopyTo(span[write..]);
                write += rest.Length;
                break;
            }

            rest[..run].CopyTo(span[write..]);
            write += run;
            read += run + 1;
        }

        return write;
    }
}
