namespace DockerOpt.Engine.Images;

/// <summary>
/// A forward-only read stream that first returns bytes already peeked from the source, then the source
/// itself, counting every byte and copying it to an optional observer (a gzip stream measuring the
/// compressed size). This is how one pass over a layer both lists its entries and measures it.
/// </summary>
internal sealed class ReadThroughStream(Stream source, ReadOnlyMemory<byte> peeked, Stream? observer) : Stream
{
    private ReadOnlyMemory<byte> _peeked = peeked;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (!_peeked.IsEmpty)
        {
            read = Math.Min(buffer.Length, _peeked.Length);
            _peeked.Span[..read].CopyTo(buffer);
            _peeked = _peeked[read..];
        }
        else
        {
            read = source.Read(buffer);
        }

        observer?.Write(buffer[..read]);
        BytesRead += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (!_peeked.IsEmpty)
        {
            read = Math.Min(buffer.Length, _peeked.Length);
            _peeked[..read].CopyTo(buffer);
            _peeked = _peeked[read..];
        }
        else
        {
            read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        if (observer is not null)
        {
            await observer.WriteAsync(buffer[..read], cancellationToken).ConfigureAwait(false);
        }

        BytesRead += read;
        return read;
    }

    /// <summary>Reads whatever the consumer left (tar end-of-archive padding), so counts cover the whole blob.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}