using Orleans.Storage;
using StreamPredictor.Grains.Market;

namespace StreamPredictor.Grains.Storage;

/// <summary>
/// A market grain's closed days in the grain storage provider of either profile, one record per month
/// (<see cref="HistoryMonth.StateName"/>), so a close or a revision rewrites that month only, never the whole
/// history. Writes check ETags like any grain state (<see cref="InconsistentStateException"/> when another
/// activation wrote the month). The newest months are kept in memory with their ETags; an older one is read
/// again before it is written.
/// </summary>
public sealed class MarketHistoryStore(IGrainStorage storage, GrainId grain)
{
    private const int MonthsKept = 3;

    private readonly SortedDictionary<int, GrainState<DailyHistoryChunk>> _months = [];

    /// <summary>Reads the days of these months, oldest first, and forgets what was kept before.</summary>
    public async Task<List<DayAccumulatorState>> ReadAsync(IEnumerable<int> months)
    {
        _months.Clear();
        var days = new List<DayAccumulatorState>();
        foreach (var month in months.Order())
        {
            var record = await ReadMonthAsync(month);
            days.AddRange(record.State?.Days ?? []);
            Trim();
        }

        return days;
    }

    /// <summary>Writes these days into their months' records (merged with the days already there); returns the months written.</summary>
    public async Task<IReadOnlyList<int>> WriteAsync(IReadOnlyList<DayAccumulatorState> days)
    {
        var written = new List<int>();
        foreach (var group in days.GroupBy(d => HistoryMonth.Of(d.DayNumber)).OrderBy(g => g.Key))
        {
            var stored = _months.TryGetValue(group.Key, out var kept) ? kept : await ReadMonthAsync(group.Key);
            var merged = (stored.State?.Days ?? []).ToDictionary(d => d.DayNumber);
            foreach (var day in group)
            {
                merged[day.DayNumber] = day;
            }

            var record = new GrainState<DailyHistoryChunk>(new DailyHistoryChunk { Days = [.. merged.Values.OrderBy(d => d.DayNumber)] }, stored.ETag)
            {
                RecordExists = stored.RecordExists,
            };
            try
            {
                await storage.WriteStateAsync(HistoryMonth.StateName(group.Key), grain, record);
            }
            catch
            {
                _months.Remove(group.Key);
                throw;
            }

            _months[group.Key] = record;
            written.Add(group.Key);
        }

        Trim();
        return written;
    }

    private async Task<GrainState<DailyHistoryChunk>> ReadMonthAsync(int month)
    {
        var record = new GrainState<DailyHistoryChunk>(new DailyHistoryChunk());
        await storage.ReadStateAsync(HistoryMonth.StateName(month), grain, record);
        record.State ??= new DailyHistoryChunk();
        _months[month] = record;
        return record;
    }

    private void Trim()
    {
        while (_months.Count > MonthsKept)
        {
            _months.Remove(_months.Keys.First());
        }
    }
}
