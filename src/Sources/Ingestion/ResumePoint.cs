using StreamPredictor.Client;
using StreamPredictor.Sources.Bars;

namespace StreamPredictor.Sources.Ingestion;

/// <summary>Where a source picks up for a symbol: the minute after the newest tick the cluster has stored.</summary>
public static class ResumePoint
{
    /// <summary>
    /// The first minute (unix seconds) the symbol still needs, or null when it holds nothing. Uses
    /// <see cref="IngestStats.NewestTick"/>; without it (an older cluster), the start of the open day, which costs
    /// at most a day of minutes sent again and counted as duplicates.
    /// </summary>
    public static async Task<long?> FindAsync(StreamClient client, string symbol)
    {
        var stats = await client.GetStatsAsync(symbol);
        if (stats.NewestTick is { } newest)
        {
            return Minutes.Floor(newest) + Minutes.Seconds;
        }

        return stats.OpenDay is { } day ? Tick.DayNumberOf(day) * Tick.SecondsPerDay : null;
    }
}
