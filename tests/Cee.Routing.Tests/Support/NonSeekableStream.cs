namespace Cee.Routing.Tests.Support;

/// <summary>
/// A read-only stream over bytes that cannot seek or tell its length, as a blob download or network
/// stream: what the reader must cope with. Optionally hands out at most a few bytes per read, so
/// every chunk boundary of the input is exercised, and optionally completes reads asynchronously.
/// </summary>
internal sealed class NonSeekableStream(byte[] bytes, int maxReadSize = int.MaxValue, bool yieldOnRead = false) : Stream
{
    private int _position;

    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("non-seekable");

    public override long Position
    {
        get => throw new NotSupportedException("non-seekable");
        set => throw new NotSupportedException("non-seekable");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        var take = Math.Min(Math.Min(buffer.Length, maxReadSize), bytes.Length - _position);
        bytes.AsSpan(_position, take).CopyTo(buffer);
        _position += take;
        return take;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (yieldOnRead)
        {
            await Task.Yield();
        }

        return Read(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("non-seekable");

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
