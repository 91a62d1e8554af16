using StreamPredictor.Abstractions.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Grains.Market;

/// <summary>
/// One symbol's days in event time, a state machine per day (<see cref="DayPhase"/>). The newest day is Open; a tick
/// of a later day closes it, and it stays Revisable (late ticks counted once against its seen-seconds) while within
/// the allowed lateness behind the newest day, then becomes Final (later ticks are too late). A closed day whose
/// figures changed is pending history until the grain has written it (<see cref="HistoryStored"/>): until then it
/// keeps its accumulator, so it never leaves the recent state before it is in history. Every close and revision
/// also queues a day event (the outbox) until it is <see cref="Published"/>. Ticks stamped further ahead of the
/// clock than <see cref="MarketRules.MaxFutureSkew"/> are refused as future, so a typo cannot move the newest day.
/// </summary>
public sealed class DailyBook
{
    private const int CurrentVersion = 2;

    private readonly MarketRules _rules;
    private readonly DailyBookState _state;
    private readonly ProducerLedger _producers;
    private readonly SortedDictionary<long, DayAccumulator> _accumulators = [];
    private readonly SortedList<long, DailyBar> _closed = [];
    private readonly SortedSet<long> _pendingHistory;
    private readonly DayEventOutbox _outbox;

    public DailyBook(int allowedLatenessDays)
        : this(new MarketRules(allowedLatenessDays))
    {
    }

    /// <summary>
    /// A book as stored: <paramref name="recent"/> (the truth for what it holds), the monthly history records'
    /// days, and the closed days of the single history record older versions wrote (figures only, so final).
    /// A stored day within the allowed lateness is revisable from its stored seen-seconds.
    /// </summary>
    public DailyBook(MarketRules rules, DailyBookState? recent = null, IEnumerable<DayAccumulatorState>? history = null, IEnumerable<DailyBar>? legacyHistory = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegative(rules.AllowedLatenessDays);
        _rules = rules;
        _state = recent ?? new DailyBookState { Version = CurrentVersion };
        MoveLegacyRejectedCounts(_state);
        _producers = new ProducerLedger(_state.Producers, rules);
        foreach (var bar in legacyHistory ?? [])
        {
            _closed[Tick.DayNumberOf(bar.Date)] = bar;
        }

        foreach (var day in history ?? [])
        {
            _closed[day.DayNumber] = DayAccumulator.BarOf(day);
            if (day.DayNumber < _state.NewestDay && day.DayNumber >= OldestRevisable)
            {
                _accumulators[day.DayNumber] = DayAccumulator.FromState(day);
            }
        }

        foreach (var day in _state.RecentDays)
        {
            _accumulators[day.DayNumber] = DayAccumulator.FromState(day);
            if (day.DayNumber < _state.NewestDay)
            {
                _closed[day.DayNumber] = DayAccumulator.BarOf(day);
            }
        }

        // Older versions wrote the history before the recent state and had no pending notion: write their closed days again.
        _pendingHistory = _state.Version < CurrentVersion
            ? [.. _accumulators.Keys.Where(d => d < _state.NewestDay)]
            : [.. _state.PendingHistory.Where(_accumulators.ContainsKey)];
        _state.Version = CurrentVersion;
        _outbox = new DayEventOutbox(_state.Outbox);
        ForgetFinalDays();
    }

    public int ClosedDayCount => _closed.Count;

    /// <summary>Day events not yet published, oldest first.</summary>
    public IReadOnlyList<PendingDayEvent> Outbox => _outbox.Events;

    /// <summary>The months that have a history record, as stored.</summary>
    public IReadOnlyList<int> HistoryMonths => _state.HistoryMonths;

    private long OldestRevisable => _state.NewestDay - _rules.AllowedLatenessDays;

    /// <summary>The months a stored book's history must be read from: those recorded, and those of days still pending.</summary>
    public static IReadOnlySet<int> MonthsToRead(DailyBookState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new SortedSet<int>(state.HistoryMonths.Concat(state.PendingHistory.Select(HistoryMonth.Of)));
    }

    public DayPhase PhaseOf(long day)
    {
        if (day > _state.NewestDay)
        {
            return DayPhase.Ahead;
        }

        if (day == _state.NewestDay)
        {
            return DayPhase.Open;
        }

        // Within the lateness a day is revisable unless all that is left of it is its figures (older versions' history).
        return day >= OldestRevisable && (_accumulators.ContainsKey(day) || !_closed.ContainsKey(day))
            ? DayPhase.Revisable
            : DayPhase.Final;
    }

    /// <summary>Which of a producer's batches are applied, and what its ticks came to.</summary>
    public BatchConfirmation Confirmation(Guid producer) => _producers.Confirmation(producer);

    /// <summary>
    /// Applies a batch. Ticks are deduplicated by timestamp alone, so no batch numbering can lose one. The
    /// <paramref name="producer"/> and <paramref name="sequence"/> only feed the producer's confirmation and counts;
    /// a batch already applied is a redelivery: its ticks of Final days are duplicates, not too late, and if it brings
    /// no new tick nothing of it is counted again (its ticks were counted the first time).
    /// </summary>
    public DailyBookChanges Apply(ReadOnlySpan<Tick> ticks, Guid producer = default, long sequence = 0)
    {
        _state.Batches++;
        var tally = new TickTally();
        var redelivery = producer != Guid.Empty && _producers.IsApplied(producer, sequence);
        var latest = LatestAllowedTimestamp();
        var closed = new List<long>();
        var revised = new SortedSet<long>();
        foreach (ref readonly var tick in ticks)
        {
            if (TickRules.Reject(tick) is { } reason)
            {
                tally.Reject(reason);
                continue;
            }

            if (tick.Timestamp > latest)
            {
                tally.Reject(TickRejectReason.Future);
                continue;
            }

            var day = tick.DayNumber;
            switch (PhaseOf(day))
            {
                case DayPhase.Ahead:
                    CloseOpenDay(closed);
                    _state.NewestDay = day;
                    break;
                case DayPhase.Final when redelivery:
                    tally.Duplicates++;
                    continue;
                case DayPhase.Final:
                    tally.Reject(TickRejectReason.TooLate);
                    continue;
            }

            if (!AccumulatorOf(day).TryAdd(tick))
            {
                tally.Duplicates++;
                continue;
            }

            tally.Accepted++;
            if (day < _state.NewestDay)
            {
                tally.LateAccepted++;
                revised.Add(day);
                _pendingHistory.Add(day);
            }
        }

        var changes = Settle(closed, revised);
        var counts = tally.ToCounts();
        if (redelivery && counts.Accepted == 0)
        {
            // The same batch again (a resend that crossed its confirmation, a stream's redelivery): its ticks were
            // counted when it was first applied, so nothing is counted now. A reused producer id whose batch brings a
            // new tick is not this case, and is counted as it comes.
            counts = TickCounts.None;
        }

        Count(counts, producer, sequence);
        return changes with { RecentChanged = tally.Accepted > 0, Counts = counts, Redelivered = redelivery };
    }

    /// <summary>The days pending history, with their exact figures and seen-seconds, for the grain to write.</summary>
    public IReadOnlyList<DayAccumulatorState> HistoryToWrite() => [.. _pendingHistory.Select(d => _accumulators[d].ToState())];

    /// <summary>
    /// The grain wrote these days (as <see cref="HistoryToWrite"/> gave them, nothing applied since) into records of
    /// these months: they are no longer pending, and Final ones leave the recent state.
    /// </summary>
    public void HistoryStored(IEnumerable<long> days, IEnumerable<int> months)
    {
        _pendingHistory.ExceptWith(days);
        _state.HistoryMonths = [.. _state.HistoryMonths.Union(months).Order()];
        ForgetFinalDays();
    }

    /// <summary>The first <paramref name="count"/> events of the <see cref="Outbox"/> were published.</summary>
    public void Published(int count) => _outbox.Published(count);

    /// <summary>Closed days in a date range, oldest first, then the open day when asked for and in range.</summary>
    public DailyBar[] Days(DateOnly? from, DateOnly? to, bool includeOpenDay)
    {
        var first = from is { } f ? Tick.DayNumberOf(f) : long.MinValue;
        var last = to is { } t ? Tick.DayNumberOf(t) : long.MaxValue;
        var days = _closed.Where(d => d.Key >= first && d.Key <= last).Select(d => d.Value);
        if (includeOpenDay && OpenDay is { } open && open.DayNumber >= first && open.DayNumber <= last)
        {
            days = days.Append(open.ToDailyBar());
        }

        return [.. days];
    }

    /// <summary>The open day's bar and the event time of its newest tick (unix seconds); null before the first tick.</summary>
    public (DailyBar Bar, long AsOf)? OpenDayBar() =>
        OpenDay is { Ticks: > 0 } open ? (open.ToDailyBar(), open.LastTimestamp) : null;

    /// <summary>The last closed day's date; null while none is closed.</summary>
    public DateOnly? LastClosedDate => _closed.Count == 0 ? null : _closed.Values[^1].Date;

    public DailyBar[] LastClosedDays(int count) => [.. _closed.Values.Skip(Math.Max(0, _closed.Count - count))];

    public IngestStats Stats() => new(
        _state.Batches,
        _state.Accepted,
        _state.Duplicates,
        _state.LateAccepted,
        new Dictionary<TickRejectReason, long>(_state.RejectedByReason),
        _closed.Count,
        _state.Revisions,
        _state.NewestDay == long.MinValue ? null : Tick.DateOf(_state.NewestDay),
        OpenDay is { Ticks: > 0 } open ? DateTimeOffset.FromUnixTimeSeconds(open.LastTimestamp) : null);

    /// <summary>The state to persist after every batch: counters, marks, accumulators, pending history, outbox.</summary>
    public DailyBookState SaveRecent()
    {
        _state.RecentDays = [.. _accumulators.Values.Select(d => d.ToState())];
        _state.PendingHistory = [.. _pendingHistory];
        _state.Outbox = [.. _outbox.Events];
        return _state;
    }

    private DayAccumulator? OpenDay => _accumulators.GetValueOrDefault(_state.NewestDay);

    /// <summary>The latest stamp a tick may carry now (unix seconds): a typo from the far future must not close today.</summary>
    private long LatestAllowedTimestamp()
    {
        var now = _rules.Clock.GetUtcNow();
        return _rules.MaxFutureSkew >= DateTimeOffset.MaxValue - now ? long.MaxValue : (now + _rules.MaxFutureSkew).ToUnixTimeSeconds();
    }

    private DayAccumulator AccumulatorOf(long day)
    {
        if (!_accumulators.TryGetValue(day, out var accumulator))
        {
            accumulator = new DayAccumulator(day);
            _accumulators.Add(day, accumulator);
        }

        return accumulator;
    }

    /// <summary>Open → Revisable: the open day (when it has ticks) is closed and pending history.</summary>
    private void CloseOpenDay(List<long> closed)
    {
        if (OpenDay is not null)
        {
            closed.Add(_state.NewestDay);
            _pendingHistory.Add(_state.NewestDay);
        }
    }

    /// <summary>After a batch: the figures of the days it closed or revised, their events, and Revisable → Final.</summary>
    private DailyBookChanges Settle(List<long> closed, SortedSet<long> revised)
    {
        foreach (var day in closed.Concat(revised))
        {
            _closed[day] = _accumulators[day].ToDailyBar();
        }

        revised.ExceptWith(closed);
        _state.Revisions += revised.Count;
        foreach (var day in closed)
        {
            _outbox.Queue(DayEventKind.Closed, _closed[day]);
        }

        foreach (var day in revised)
        {
            _outbox.Queue(DayEventKind.Revised, _closed[day]);
        }

        ForgetFinalDays();
        return new DailyBookChanges([.. closed.Select(d => _closed[d])], [.. revised.Select(d => _closed[d])], RecentChanged: false, TickCounts.None);
    }

    /// <summary>Revisable → Final: a day beyond the lateness drops its seen-seconds, unless its history write is pending.</summary>
    private void ForgetFinalDays()
    {
        if (_state.NewestDay == long.MinValue)
        {
            return;
        }

        foreach (var day in _accumulators.Keys.TakeWhile(d => d < OldestRevisable).Where(d => !_pendingHistory.Contains(d)).ToList())
        {
            _accumulators.Remove(day);
        }
    }

    /// <summary>Adds a batch's counts to the symbol's and, with a producer, to the producer's mark.</summary>
    private void Count(TickCounts counts, Guid producer, long sequence)
    {
        _state.Accepted += counts.Accepted;
        _state.Duplicates += counts.Duplicates;
        _state.LateAccepted += counts.LateAccepted;
        foreach (var (reason, count) in counts.RejectedByReason)
        {
            _state.RejectedByReason[reason] = _state.RejectedByReason.GetValueOrDefault(reason) + count;
        }

        if (producer != Guid.Empty)
        {
            _producers.Record(producer, sequence, counts, _state.Batches);
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
