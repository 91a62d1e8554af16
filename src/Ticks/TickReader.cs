using System.Text;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Ticks.Gzip;
using StreamPredictor.Ticks.Rows;

namespace StreamPredictor.Ticks;

/// <summary>
/// Streams ticks out of a CSV tick file of a known layout (<see cref="TickLayout"/>), gzip or plain, in
/// constant memory. Rows whose close is missing (no-trade minutes) are skipped and counted; invalid rows
/// stop the read with a <see cref="TickFormatException"/>, or are skipped and counted by reason.
/// </summary>
public sealed class TickReader : IDisposable
{
    private readonly Stream _input;
    private readonly bool _skipBad;
    private readonly TickRowParser? _parser;
    private readonly long[] _badRows = new long[Enum.GetValues<BadRowReason>().Length];
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfInput;

    public TickReader(Stream input, string name, TickReaderOptions? options = null)
    {
        options ??= new TickReaderOptions();
        _input = input;
        _skipBad = options.SkipBad;
        _buffer = new byte[Math.Max(options.BufferSize, 4096)];
        Name = name;
        Layout = ReadHeader();
        _parser = Layout is null ? null : new TickRowParser(Layout);
    }

    /// <summary>The file name used in messages.</summary>
    public string Name { get; }

    /// <summary>The layout the header named; null for an empty file.</summary>
    public TickLayout? Layout { get; }

    /// <summary>The number of the last line read (the header is line 1).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Rows returned as ticks.</summary>
    public long TickRows { get; private set; }

    /// <summary>Rows skipped because their close was missing (NaN): minutes without trades.</summary>
    public long MissingCloseRows { get; private set; }

    /// <summary>Bytes of (decompressed) text consumed so far.</summary>
    public long BytesRead { get; private set; }

    public long BadRows => _badRows.Sum();

    public IReadOnlyDictionary<BadRowReason, long> BadRowsByReason =>
        Enum.GetValues<BadRowReason>().Where(r => _badRows[(int)r] > 0).ToDictionary(r => r, r => _badRows[(int)r]);

    /// <summary>
    /// Opens a file, decompressing it when it starts with the gzip magic bytes; a gzip file that is cut short or
    /// damaged throws <see cref="GzipFormatException"/> when the reading reaches the damage.
    /// </summary>
    public static TickReader Open(string path, TickReaderOptions? options = null)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var isGzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            file.Position = 0;
            Stream input = isGzip ? new GzipReader(file, path) : file;
            return new TickReader(input, path, options);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Fills <paramref name="destination"/> with the next ticks; returns how many, 0 at the end.</summary>
    public int Read(Span<Tick> destination)
    {
        if (_parser is null)
        {
            return 0;
        }

        var count = 0;
        while (count < destination.Length && TryTakeLine(out var line))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            switch (_parser.Parse(line, out destination[count]))
            {
                case RowOutcome.Tick:
                    count++;
                    break;
                case RowOutcome.NoTrade:
                    MissingCloseRows++;
                    break;
                default:
                    Refuse(_parser.Error);
                    break;
            }
        }

        TickRows += count;
        return count;
    }

    /// <summary>The rest of the file as arrays of up to <paramref name="size"/> ticks (the last may be shorter).</summary>
    public IEnumerable<Tick[]> ReadBatches(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var buffer = new Tick[size];
        int read;
        while ((read = Read(buffer)) > 0)
        {
            yield return buffer[..read];
        }
    }

    public void Dispose() => _input.Dispose();

    private TickLayout? ReadHeader()
    {
        if (!TryTakeLine(out var line))
        {
            return null;
        }

        if (line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        var header = Encoding.UTF8.GetString(line);
        return TickLayout.FromHeader(header) ?? throw new TickFormatException(Name, LineNumber, null, null,
            $"unknown header '{TimestampParser.Shorten(header)}'; expected one of: " +
            string.Join(" | ", TickLayout.All.Select(l => $"{l.Header} ({l.Name})")));
    }

    private bool TryTakeLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = TrimCarriageReturn(pending[..newline]);
                _start += newline + 1;
                BytesRead += newline + 1;
                LineNumber++;
                return true;
            }

            if (_endOfInput)
            {
                line = TrimCarriageReturn(pending);
                _start = _end;
                BytesRead += pending.Length;
                if (pending.IsEmpty)
                {
                    return false;
                }

                LineNumber++;
                return true;
            }

            Fill();
        }
    }

    private void Fill()
    {
        var pending = _end - _start;
        if (pending == _buffer.Length)
        {
            throw Stop(new TickFormatException(Name, LineNumber + 1, null, null, $"line longer than {_buffer.Length} bytes; is this a CSV file?"));
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _start = 0;
            _end = pending;
        }

        var read = _input.Read(_buffer, _end, _buffer.Length - _end);
        _endOfInput = read == 0;
        _end += read;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    /// <summary>Counts a refused row under <see cref="TickReaderOptions.SkipBad"/>; otherwise stops the read.</summary>
    private void Refuse(RowError error)
    {
        if (!_skipBad)
        {
            throw Stop(new TickFormatException(Name, LineNumber, error.Field is { } f ? Layout!.Columns[f] : null, error.Reason, error.Detail));
        }

        _badRows[(int)error.Reason]++;
    }

    /// <summary>
    /// The error to stop with. Damaged compressed data usually decompresses to garbage rows before the gzip
    /// check fails, so in a gzip file the rest is decompressed first: when the file is damaged, that is the
    /// error worth reporting, not the garbage row it caused.
    /// </summary>
    private Exception Stop(TickFormatException error)
    {
        if (_input is GzipReader gzip)
        {
            gzip.CheckToEnd();
        }

        return error;
    }
}
