using StreamPredictor.Abstractions.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Client;

/// <summary>A tick file read in batches for an ingest, skipping the ticks a resumed ingest already stored.</summary>
internal sealed class TickFileSource : IDisposable
{
    private readonly TickReader _reader;
    private readonly long _skipTicks;
    private readonly int _batchSize;

    private TickFileSource(TickReader reader, long skipTicks, int batchSize)
    {
        _reader = reader;
        _skipTicks = skipTicks;
        _batchSize = batchSize;
    }

    /// <summary>Rows not sent: minutes without a close, and bad rows skipped on request.</summary>
    public long RowsSkipped => _reader.MissingCloseRows + _reader.BadRows;

    /// <summary>Opens the file; a missing or unreadable file, or an unknown header, fails before anything is sent.</summary>
    public static TickFileSource Open(string path, IngestFileOptions options, int batchSize)
    {
        if (options.SkipTicks < 0)
        {
            throw new StreamClientException(StreamClientError.InvalidRequest, $"SkipTicks must not be negative, not {options.SkipTicks}");
        }

        if (!File.Exists(path))
        {
            throw new StreamClientException(StreamClientError.InvalidRequest, $"{path}: no such file");
        }

        try
        {
            if (options.CheckFirst)
            {
                TickFile.Check(path, new TickReaderOptions { SkipBad = options.SkipBadRows });
            }

            return new TickFileSource(TickReader.Open(path, new TickReaderOptions { SkipBad = options.SkipBadRows }), options.SkipTicks, batchSize);
        }
        catch (Exception e) when (e is TickFormatException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new StreamClientException(StreamClientError.InvalidRequest, e.Message, e);
        }
    }

    public IAsyncEnumerable<Tick[]> ReadAsync(CancellationToken cancellationToken) => Read(cancellationToken).ToAsyncEnumerable();

    public void Dispose() => _reader.Dispose();

    private IEnumerable<Tick[]> Read(CancellationToken cancellationToken)
    {
        var skip = _skipTicks;
        foreach (var batch in _reader.ReadBatches(_batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (skip >= batch.Length)
            {
                skip -= batch.Length;
                continue;
            }

            yield return skip > 0 ? batch[(int)skip..] : batch;
            skip = 0;
        }
    }
}
