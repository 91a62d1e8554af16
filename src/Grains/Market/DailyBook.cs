using StreamPredictor.Abstractions.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Grains.Market;

/// <summary>
/// One symbol's days in event time. The newest day seen is open; a tick of a later day closes it. Closed
/// days stay revisable for <c>allowedLatenessDays</c> behind the newest day, keeping their seen-second
/// sets so a late or redelivered tick is counted once; ticks older than that are refused as too late.
/// </summary>
public sealed class DailyBook
{
    private readonly int _allowedLatenessDays;
    private readonly SortedDictionary<long, DayAccumulator> _recent = [];
    private readonly SortedList<long, DailyBar> _closed = [];
    private readonly DailyBookState _counters;

    public DailyBook(int allowedLatenessDays, DailyBookState? state = null, IEnumerable<DailyBar>? closedDays = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(allowedLatenessDays);
        _allowedLatenessDays = allowedLatenessDays;
        _counters = state ?? new DailyBookState();
        foreach (var day in _counters.RecentDays)
        {
            _recent.Add(day.DayNumber, DayAccumulator.FromState(day));
        }

        foreach (var bar in closedDays ?? [])
        {
            _closed.Add(Tick.DayNumberOf(bar.Date), bar);
        }
    }

    public int ClosedDayCount => _closed.Count;

    /// <summary>Producers remembered; the longest idle are forgotten past this.</summary>
    public const int MaxProducers = 1_024;

    /// <summary>The highest batch number applied from a producer; 0 when none.</summary>
    public long AppliedSequence(Guid producer) => _counters.Producers.TryGetValue(producer, out var mark) ? mark.Sequence : 0;

    /// <summary>
    /// Applies a batch. With a <paramref name="producer"/>, a <paramref name="sequence"/> at or below the last
    /// applied from it marks a redelivery: its ticks count as duplicates without being looked at.
    /// </summary>
    public DailyBookChanges Apply(ReadOnlySpan<Tick> ticks, Guid producer = default, long sequence = 0)
    {
        _counters.Batches++;
        if (producer != Guid.Empty)
        {
            if (sequence <= AppliedSequence(producer))
            {
                _counters.Duplicates += ticks.Length;
                return new DailyBookChanges([], [], RecentChanged: true);
            }

            RememberProducer(producer, sequence);
        }

        var closed = new List<long>();
        var revised = new SortedSet<long>();
        var recentChanged = false;
        foreach (ref readonly var tick in ticks)
        {
            if (TickRules.Reject(tick) is { } reason)
            {
                CountRejected(reason);
                continue;
            }

            var day = tick.DayNumber;
            if (day > _counters.NewestDay)
            {
                AdvanceTo(day, closed, revised);
            }
            else if (day < _counters.NewestDay - _allowedLatenessDays)
            {
                CountRejected(TickRules.TooLate);
                continue;
            }

            if (!_recent.TryGetValue(day, out var accumulator))
            {
                accumulator = new DayAccumulator(day);
                _recent.Add(day, accumulator);
            }

            if (!accumulator.TryAdd(tick))
            {
                _counters.Duplicates++;
                continue;
            }

            _counters.Accepted++;
            recentChanged = true;
            if (day < _counters.NewestDay)
            {
                _counters.LateAccepted++;
                revised.Add(day);
            }
        }

        foreach (var day in revised)
        {
            RefreshClosed(day);
        }

        revised.ExceptWith(closed);
        _counters.Revisions += revised.Count;
        return new DailyBookChanges(
            [.. closed.Select(d => _closed[d])],
            [.. revised.Select(d => _closed[d])],
            recentChanged);
    }

    /// <summary>Closed days in a date range, oldest first, then the open day when asked for and in range.</summary>
    public DailyBar[] Days(DateOnly? from, DateOnly? to, bool includeOpenDay)
    {
        var first = from is { } f ? Tick.DayNumberOf(f) : long.MinValue;
        var last = to is { } t ? Tick.DayNumberOf(t) : long.MaxValue;
        var days = _closed.Where(d => d.Key >= first && d.Key <= last).Select(d => d.Value);
        if (includeOpenDay && _recent.TryGetValue(_counters.NewestDay, out var open) && open.DayNumber >= first && open.DayNumber <= last)
        {
            days = days.Append(open.ToDailyBar());
        }

        return [.. days];
    }

    public DailyBar[] LastClosedDays(int count) => [.. _closed.Values.Skip(Math.Max(0, _closed.Count - count))];

    public IngestStats Stats() => new(
        _counters.Batches,
        _counters.Accepted,
        _counters.Duplicates,
        _counters.LateAccepted,
        new Dictionary<string, long>(_counters.Rejected),
        _closed.Count,
        _counters.Revisions,
        _counters.NewestDay == long.MinValue ? null : Tick.DateOf(_counters.NewestDay),
        _recent.TryGetValue(_counters.NewestDay, out var open) && open.Ticks > 0
            ? DateTimeOffset.FromUnixTimeSeconds(open.LastTimestamp)
            : null);

    /// <summary>The state to persist after every batch (small: counters and revisable days).</summary>
    public DailyBookState SaveRecent()
    {
        _counters.RecentDays = [.. _recent.Values.Select(d => d.ToState())];
        return _counters;
    }

    /// <summary>The closed days to persist when <see cref="DailyBookChanges.HistoryChanged"/>.</summary>
    public List<DailyBar> SaveHistory() => [.. _closed.Values];

    private void AdvanceTo(long day, List<long> closed, SortedSet<long> revised)
    {
        if (_recent.TryGetValue(_counters.NewestDay, out var open))
        {
            _closed[open.DayNumber] = open.ToDailyBar();
            closed.Add(open.DayNumber);
        }

        _counters.NewestDay = day;
        var oldestKept = day - _allowedLatenessDays;
        foreach (var stale in _recent.Keys.TakeWhile(d => d < oldestKept).ToList())
        {
            if (revised.Contains(stale))
            {
                RefreshClosed(stale);
            }

            _recent.Remove(stale);
        }
    }

    private void RefreshClosed(long day)
    {
        if (_recent.TryGetValue(day, out var accumulator))
        {
            _closed[day] = accumulator.ToDailyBar();
        }
    }

    private void RememberProducer(Guid producer, long sequence)
    {
        _counters.Producers[producer] = new ProducerMark(sequence, _counters.Batches);
        if (_counters.Producers.Count > MaxProducers)
        {
            var idlest = _counters.Producers.MinBy(p => p.Value.AtBatch).Key;
            _counters.Producers.Remove(idlest);
        }
    }

    private void CountRejected(string reason) =>
        _counters.Rejected[reason] = _counters.Rejected.GetValueOrDefault(reason) + 1;
}
