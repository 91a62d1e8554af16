using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Ticks;

/// <summary>Whole-file operations over <see cref="TickReader"/>.</summary>
public static class TickFile
{
    private const int ChunkTicks = 8_192;

    /// <summary>
    /// Reads the whole file once, keeping nothing, so that a file that would fail half-way (a bad row without
    /// <see cref="TickReaderOptions.SkipBad"/>, a gzip file cut short or damaged) fails before anything is done
    /// with it: throws <see cref="TickFormatException"/> or <see cref="GzipFormatException"/>. Memory is constant;
    /// the cost is one more read and parse of the file.
    /// </summary>
    public static TickFileSummary Check(string path, TickReaderOptions? options = null)
    {
        using var reader = TickReader.Open(path, options);
        var chunk = new Tick[ChunkTicks];
        while (reader.Read(chunk) > 0)
        {
        }

        return new TickFileSummary(reader.Layout?.Name, reader.LineNumber, reader.TickRows, reader.MissingCloseRows, reader.BadRowsByReason);
    }
}
