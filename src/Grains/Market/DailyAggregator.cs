using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>Groups ticks into UTC days, each second counted once; memory grows with days, not ticks.</summary>
public sealed class DailyAggregator
{
    private readonly Dictionary<long, DayAccumulator> _days = [];
    private DayAccumulator? _current;

    /// <summary>Ticks whose second of their day had already been counted.</summary>
    public long Duplicates { get; private set; }

    public long Accepted { get; private set; }

    public int DayCount => _days.Count;

    public void Add(ReadOnlySpan<Tick> ticks)
    {
        foreach (ref readonly var tick in ticks)
        {
            var day = tick.DayNumber;
            if (_current is null || _current.DayNumber != day)
            {
                _current = GetOrAddDay(day);
            }

            if (_current.TryAdd(tick))
            {
                Accepted++;
            }
            else
            {
                Duplicates++;
            }
        }
    }

    /// <summary>Every day with data, oldest first.</summary>
    public IReadOnlyList<DailyBar> ToDailyBars() =>
        [.. _days.Values.OrderBy(d => d.DayNumber).Select(d => d.ToDailyBar())];

    private DayAccumulator GetOrAddDay(long day)
    {
        if (!_days.TryGetValue(day, out var accumulator))
        {
            accumulator = new DayAccumulator(day);
            _days.Add(day, accumulator);
        }

        return accumulator;
    }
}
