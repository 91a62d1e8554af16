namespace StreamPredictor.Ticks.Gzip;

/// <summary>
/// What a <see cref="System.IO.Compression.DeflateStream"/> reads a member's compressed data from. It hands out
/// at most <see cref="Chunk"/> bytes at a time and keeps the last two chunks: the inflater asks for input only
/// when it has used up what it had, so the end of the deflate data lies inside them, and the member's trailer
/// (which the inflater does not look at) can be found there afterwards.
/// </summary>
internal sealed class DeflateFeed(CompressedInput input) : Stream
{
    public const int Chunk = 1 << 16;

    private byte[] _older = new byte[Chunk];
    private byte[] _newer = new byte[Chunk];
    private int _olderLength;
    private int _newerLength;

    /// <summary>True once the inflater asked for more and the file had nothing left.</summary>
    public bool ReachedEnd { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The last two chunks handed out, oldest first.</summary>
    public byte[] RecentBytes() => [.. _older.AsSpan(0, _olderLength), .. _newer.AsSpan(0, _newerLength)];

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = input.Read(buffer[..Math.Min(buffer.Length, Chunk)]);
        if (read == 0)
        {
            ReachedEnd = buffer.Length > 0;
            return 0;
        }

        (_older, _newer) = (_newer, _older);
        _olderLength = _newerLength;
        buffer[..read].CopyTo(_newer);
        _newerLength = read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
