using StreamPredictor.Abstractions.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Grains.Forecasting.Nowcasting;

/// <summary>The ticks of some days of a tick file, for the nowcast replay: the file is read again, only those days kept.</summary>
public static class NowcastTicks
{
    public static IReadOnlyList<Tick> Read(string path, DateOnly from, DateOnly to, TickReaderOptions? options = null)
    {
        var first = Tick.DayNumberOf(from);
        var last = Tick.DayNumberOf(to);
        var kept = new List<Tick>();
        var chunk = new Tick[8_192];
        using var reader = TickReader.Open(path, options);
        int read;
        while ((read = reader.Read(chunk)) > 0)
        {
            foreach (ref readonly var tick in chunk.AsSpan(0, read))
            {
                if (tick.DayNumber >= first && tick.DayNumber <= last) kept.Add(tick);
            }
        }

        return kept;
    }
}
