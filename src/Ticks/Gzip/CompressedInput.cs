namespace StreamPredictor.Ticks.Gzip;

/// <summary>
/// The compressed bytes of a gzip file, read through a buffer, with bytes that turned out to belong to the next
/// member pushed back; knows the file offset of the next byte for messages.
/// </summary>
internal sealed class CompressedInput(Stream file)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private byte[] _pushedBack = [];
    private int _pushedBackStart;
    private int _start;
    private int _end;

    /// <summary>The file offset of the next byte to be read.</summary>
    public long Offset { get; private set; }

    /// <summary>Reads up to <paramref name="destination"/>'s length; 0 only at the end of the file.</summary>
    public int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        if (_pushedBackStart < _pushedBack.Length)
        {
            var n = Math.Min(destination.Length, _pushedBack.Length - _pushedBackStart);
            _pushedBack.AsSpan(_pushedBackStart, n).CopyTo(destination);
            _pushedBackStart += n;
            Offset += n;
            return n;
        }

        if (_start == _end && !Fill())
        {
            return 0;
        }

        var count = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        Offset += count;
        return count;
    }

    /// <summary>Reads until <paramref name="destination"/> is full or the file ends; returns how many bytes were read.</summary>
    public int ReadAtMost(Span<byte> destination)
    {
        var total = 0;
        int read;
        while (total < destination.Length && (read = Read(destination[total..])) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>The next byte, or -1 at the end of the file.</summary>
    public int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    /// <summary>True when no byte is left.</summary>
    public bool AtEnd => _pushedBackStart == _pushedBack.Length && _start == _end && !Fill();

    /// <summary>Makes <paramref name="bytes"/> (the last ones read) the next ones to be read again.</summary>
    public void PushBack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        _pushedBack = [.. bytes, .. _pushedBack.AsSpan(_pushedBackStart)];
        _pushedBackStart = 0;
        Offset -= bytes.Length;
    }

    private bool Fill()
    {
        _start = 0;
        _end = file.Read(_buffer);
        return _end > 0;
    }
}
