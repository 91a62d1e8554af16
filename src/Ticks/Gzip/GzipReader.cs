using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace StreamPredictor.Ticks.Gzip;

/// <summary>
/// Decompresses a gzip file of one or more members and refuses any that is cut short or damaged, which
/// <see cref="GZipStream"/> does not: it reports the end of the data when the compressed bytes stop early, and
/// ignores bytes after a member. Each member's header is parsed here, its deflate data goes through a raw
/// <see cref="DeflateStream"/>, and its trailer is checked here: the CRC-32 and the size (mod 2^32) of what was
/// decompressed. Bytes after the last member must be another member. Every failure is a
/// <see cref="GzipFormatException"/> naming the file and the member.
/// </summary>
internal sealed class GzipReader : Stream
{
    private const int TrailerLength = 8;

    private readonly Stream _file;
    private readonly string _name;
    private readonly CompressedInput _input;
    private readonly Crc32 _crc = new();
    private DeflateFeed? _feed;
    private DeflateStream? _deflate;
    private long _size;
    private int _member;
    private bool _ended;

    public GzipReader(Stream file, string name)
    {
        _file = file;
        _name = name;
        _input = new CompressedInput(file);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (!_ended)
        {
            if (_deflate is null)
            {
                _ended = !StartMember();
                continue;
            }

            var read = Inflate(buffer);
            if (read > 0)
            {
                _crc.Append(buffer[..read]);
                _size += read;
                return read;
            }

            FinishMember();
        }

        return 0;
    }

    /// <summary>Decompresses the rest, discarding it, so that a damaged file throws its <see cref="GzipFormatException"/>.</summary>
    public void CheckToEnd()
    {
        var scratch = new byte[1 << 16];
        while (Read(scratch) > 0)
        {
        }
    }

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
            _deflate?.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the next member's header; false when the file has no more members.</summary>
    private bool StartMember()
    {
        if (_member > 0 && _input.AtEnd)
        {
            return false;
        }

        var start = _input.Offset;
        var first = _input.ReadByte();
        var second = _input.ReadByte();
        if (first != GzipHeader.Magic1 || second != GzipHeader.Magic2)
        {
            throw _member == 0
                ? Fail("it does not start with the gzip magic bytes 1f 8b")
                : Fail($"the bytes after member {_member} (from byte {start:N0}) are not gzip: the file is damaged or has something appended");
        }

        _member++;
        if (GzipHeader.ReadAfterMagic(_input, _member) is { } problem)
        {
            throw Fail(problem);
        }

        _crc.Reset();
        _size = 0;
        _feed = new DeflateFeed(_input);
        _deflate = new DeflateStream(_feed, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    private int Inflate(Span<byte> buffer)
    {
        try
        {
            return _deflate!.Read(buffer);
        }
        catch (InvalidDataException)
        {
            throw Fail($"the compressed data of member {_member} is corrupt (before byte {_input.Offset:N0}): the file is damaged");
        }
    }

    /// <summary>
    /// The member's deflate data has ended (or the file has): finds its trailer among the last compressed bytes
    /// and checks it, then leaves the bytes after the trailer to be read as the next member.
    /// </summary>
    private void FinishMember()
    {
        var feed = _feed!;
        _deflate!.Dispose();
        _deflate = null;
        _feed = null;

        var recent = feed.RecentBytes();
        var following = new byte[TrailerLength];
        var window = (byte[])[.. recent, .. following.AsSpan(0, _input.ReadAtMost(following))];
        var crc = _crc.GetCurrentHashAsUInt32();
        var size = (uint)_size;
        Span<byte> trailer = stackalloc byte[TrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], size);

        if (feed.ReachedEnd)
        {
            // The inflater wanted more compressed data than the file holds.
            throw Fail(Truncated());
        }

        var at = window.AsSpan().IndexOf(trailer);
        if (at < 0)
        {
            throw Fail(DescribeBadTrailer(window, trailer, _input.AtEnd));
        }

        _input.PushBack(window.AsSpan(at + TrailerLength));
    }

    private string DescribeBadTrailer(byte[] window, ReadOnlySpan<byte> expected, bool atEnd)
    {
        var crc = expected[..4];
        var size = expected[4..];
        var member = $"member {_member}";
        var sums = $"its data has CRC-32 0x{BinaryPrimitives.ReadUInt32LittleEndian(crc):x8} and size {BinaryPrimitives.ReadUInt32LittleEndian(size):N0}";
        if (atEnd)
        {
            // The last member: its trailer, if there is one, is the file's last 8 bytes.
            var tail = window.AsSpan(Math.Max(0, window.Length - TrailerLength));
            if (tail.Length == TrailerLength && tail[4..].SequenceEqual(size))
            {
                return $"{member} fails its CRC-32 check: the trailer says 0x{BinaryPrimitives.ReadUInt32LittleEndian(tail):x8}, {sums}; the file is damaged";
            }

            if (tail.Length == TrailerLength && tail[..4].SequenceEqual(crc))
            {
                return $"{member} fails its size check: the trailer says {BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]):N0} bytes, {sums}; the file is damaged";
            }

            return Truncated();
        }

        var crcAt = window.AsSpan().IndexOf(crc);
        if (crcAt >= 0 && crcAt + TrailerLength <= window.Length)
        {
            return $"{member} fails its size check: the trailer says {BinaryPrimitives.ReadUInt32LittleEndian(window.AsSpan(crcAt + 4)):N0} bytes, {sums}; the file is damaged";
        }

        var sizeAt = window.AsSpan().IndexOf(size);
        if (sizeAt >= 4)
        {
            return $"{member} fails its CRC-32 check: the trailer says 0x{BinaryPrimitives.ReadUInt32LittleEndian(window.AsSpan(sizeAt - 4)):x8}, {sums}; the file is damaged";
        }

        return $"no valid trailer follows the compressed data of {member} ({sums}): the file is damaged";
    }

    private string Truncated() => $"the file is truncated: it ends inside member {_member}, before its trailer (CRC-32 and size) is complete";

    private GzipFormatException Fail(string detail) => new(_name, detail);
}
