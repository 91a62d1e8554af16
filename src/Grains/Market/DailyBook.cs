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
    private readonly ProducerLedger _producers;

    public DailyBook(int allowedLatenessDays, DailyBookState? state = null, IEnumerable<DailyBar>? closedDays = null)
        : this(new MarketRules(allowedLatenessDays), state, closedDays)
    {
    }

    public DailyBook(MarketRules rules, DailyBookState? state = null, IEnumerable<DailyBar>? closedDays = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegative(rules.AllowedLatenessDays);
        _allowedLatenessDays = rules.AllowedLatenessDays;
        _counters = state ?? new DailyBookState();
        MoveLegacyRejectedCounts(_counters);
        _producers = new ProducerLedger(_counters.Producers, rules);
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

    /// <summary>Which of a producer's batches are applied, and what its ticks came to.</summary>
    public BatchConfirmation Confirmation(Guid producer) => _producers.Confirmation(producer);

    /// <summary>
    /// Applies a batch. With a <paramref name="producer"/>, a <paramref name="sequence"/> already applied marks a
    /// redelivery: its ticks count as duplicates without being looked at.
    /// </summary>
    public DailyBookChanges Apply(ReadOnlySpan<Tick> ticks, Guid producer = default, long sequence = 0)
    {
        _counters.Batches++;
        var tally = new TickTally();
        var changes = Apply(ticks, producer, sequence, tally);
        Count(tally.ToCounts(), producer, sequence);
        return changes;
    }

    private DailyBookChanges Apply(ReadOnlySpan<Tick> ticks, Guid producer, long sequence, TickTally tally)
    {
        if (producer != Guid.Empty && _producers.IsApplied(producer, sequence))
        {
            tally.Duplicates += ticks.Length;
            return new DailyBookChanges([], [], RecentChanged: true);
        }

        var closed = new List<long>();
        var revised = new SortedSet<long>();
        var recentChanged = false;
        foreach (ref readonly var tick in ticks)
        {
            if (TickRules.Reject(tick) is { } reason)
            {
                tally.Reject(reason);
                continue;
            }

            var day = tick.DayNumber;
            if (day > _counters.NewestDay)
            {
                AdvanceTo(day, closed, revised);
            }
            else if (day < _counters.NewestDay - _allowedLatenessDays)
            {
                tally.Reject(TickRejectReason.TooLate);
                continue;
            }

            if (!_recent.TryGetValue(day, out var accumulator))
            {
                accumulator = new DayAccumulator(day);
                _recent.Add(day, accumulator);
            }

            if (!accumulator.TryAdd(tick))
            {
                tally.Duplicates++;
                continue;
            }

            tally.Accepted++;
            recentChanged = true;
            if (day < _counters.NewestDay)
            {
                tally.LateAccepted++;
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
        new Dictionary<TickRejectReason, long>(_counters.RejectedByReason),
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

    /// <summary>Adds a batch's counts to the symbol's and, with a producer, to the producer's mark.</summary>
    private void Count(TickCounts counts, Guid producer, long sequence)
    {
        _counters.Accepted += counts.Accepted;
        _counters.Duplicates += counts.Duplicates;
        _counters.LateAccepted += counts.LateAccepted;
        foreach (var (reason, count) in counts.RejectedByReason)
        {
            _counters.RejectedByReason[reason] = _counters.RejectedByReason.GetValueOrDefault(reason) + count;
        }

        if (producer != Guid.Empty)
        {
            _producers.Record(producer, sequence, counts, _counters.Batches);
        }
    }

    /// <summary>State written before the reasons were an enum holds them by name ("UnparsableNumber" was a non-finite number).</summary>
    private static void MoveLegacyRejectedCounts(DailyBookState state)
    {
        foreach (var (name, count) in state.LegacyRejected)
        {
            var reason = name == "UnparsableNumber" ? TickRejectReason.NotFinite
                : Enum.TryParse<TickRejectReason>(name, out var parsed) ? parsed
                : throw new InvalidDataException($"stored rejected-tick count has an unknown reason '{name}'");
            state.RejectedByReason[reason] = state.RejectedByReason.GetValueOrDefault(reason) + count;
        }

        state.LegacyRejected.Clear();
    }
}
