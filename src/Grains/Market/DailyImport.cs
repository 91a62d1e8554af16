using StreamPredictor.Abstractions.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Grains.Market;

/// <summary>Reads a whole tick file into daily bars: the path shared by <c>stream daily</c> and <c>stream backtest</c>.</summary>
public static class DailyImport
{
    private const int ChunkTicks = 8_192;

    public static DailyImportResult Run(string path, TickReaderOptions? options = null, IProgress<DailyImportProgress>? progress = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var reader = TickReader.Open(path, options);
        var aggregator = new DailyAggregator();
        var chunk = new Tick[ChunkTicks];
        int read;
        while ((read = reader.Read(chunk)) > 0)
        {
            aggregator.Add(chunk.AsSpan(0, read));
            progress?.Report(new DailyImportProgress(reader.LineNumber, reader.BytesRead));
        }

        return new DailyImportResult(
            path,
            reader.Layout?.Name,
            aggregator.ToDailyBars(),
            Lines: reader.LineNumber,
            TickRows: reader.TickRows,
            Duplicates: aggregator.Duplicates,
            MissingCloseRows: reader.MissingCloseRows,
            BadRowsByReason: reader.BadRowsByReason,
            BytesRead: reader.BytesRead,
            Elapsed: System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }
}
