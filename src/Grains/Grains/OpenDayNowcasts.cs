using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting.Nowcasting;

namespace StreamPredictor.Grains;

/// <summary>
/// The forecast grain's open day: a <see cref="Nowcaster"/> per set of closed days (and model), the latest nowcast made
/// from the market grain's bar of the open day, and when it may be published. Updates are served at once and published
/// at most once per <c>interval</c> (the latest one when the interval is up); a day's first nowcast (the forecast made at
/// the previous close) and its final one (the day's mean, when it closes) are returned by <see cref="Rebase"/> to be
/// published whatever the interval. No Orleans types, so it is tested and benchmarked on its own.
/// </summary>
public sealed class OpenDayNowcasts(string symbol, TimeProvider clock, TimeSpan interval)
{
    private Nowcaster? _nowcaster;
    private string _model = "";
    private int _version;
    private DateOnly? _basis;
    private DayNowcast _now;
    private DailyBar? _bar;
    private DateTimeOffset _asOf;
    private Nowcast? _current;
    private DateTimeOffset _lastPublished = DateTimeOffset.MinValue;

    /// <summary>The last closed day the nowcaster was built on; null before the first.</summary>
    public DateOnly? Basis => _basis;

    /// <summary>An update is waiting to be published.</summary>
    public bool Pending { get; private set; }

    /// <summary>The nowcast served now; null before the first closed day.</summary>
    public Nowcast? Current => _current ??= Build();

    /// <summary>How long until a pending update may be published (zero when it may now).</summary>
    public TimeSpan DueIn
    {
        get
        {
            var since = clock.GetUtcNow() - _lastPublished;
            return _lastPublished == DateTimeOffset.MinValue || since >= interval ? TimeSpan.Zero : interval - since;
        }
    }

    /// <summary>
    /// Serves <paramref name="nowcaster"/>, built on closed days ending with <paramref name="lastClosed"/> by
    /// <paramref name="model"/>. When that is a new day, returns what must be published at once: the final nowcast of the
    /// day it closed (if this was nowcasting it) and the new day's first (the forecast made at the close). The same day
    /// again (revised, or a new model) replaces the nowcaster and re-applies the open day's bar, published as an update.
    /// </summary>
    public IReadOnlyList<Nowcast> Rebase(Nowcaster nowcaster, DailyBar lastClosed, string model, int version)
    {
        ArgumentNullException.ThrowIfNull(nowcaster);
        ArgumentNullException.ThrowIfNull(lastClosed);
        var previous = _nowcaster;
        _nowcaster = nowcaster;
        _model = model;
        _version = version;
        _current = null;
        if (_basis == lastClosed.Date)
        {
            if (_bar is { } open)
            {
                _now = nowcaster.UpdateAt(open, _asOf.ToUnixTimeSeconds());
                Pending = true;
            }
            else
            {
                _now = nowcaster.Update(null, 0);
            }

            return [];
        }

        var events = new List<Nowcast>(2);
        if (previous is not null && _now.Date == lastClosed.Date)
        {
            var final = previous.Update(lastClosed, 1);
            events.Add(ToContract(final, previous, lastClosed.MeanClose, lastClosed.Close, DayStart(lastClosed.Date.AddDays(1)), nextDay: false));
        }

        _basis = lastClosed.Date;
        _bar = null;
        _now = nowcaster.Update(null, 0);
        _asOf = DayStart(_now.Date);
        Pending = false;
        events.Add(Current!);
        return events;
    }

    /// <summary>
    /// The open day's bar so far as of <paramref name="asOf"/>; true when the nowcast it makes may be published now. A bar
    /// of a day not after the basis (a stale word) or before any nowcaster changes nothing.
    /// </summary>
    public bool Update(DailyBar openDay, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(openDay);
        if (_nowcaster is null || _basis is not { } basis || openDay.Date <= basis || (_bar is { } bar && bar.Date == openDay.Date && asOf < _asOf))
        {
            return false;
        }

        _now = _nowcaster.UpdateAt(openDay, asOf.ToUnixTimeSeconds());
        _bar = openDay;
        _asOf = asOf;
        _current = null;
        Pending = true;
        return DueIn == TimeSpan.Zero;
    }

    /// <summary>The pending nowcast, marked published now.</summary>
    public Nowcast TakePending()
    {
        Pending = false;
        _lastPublished = clock.GetUtcNow();
        return Current!;
    }

    private Nowcast? Build() =>
        _nowcaster is null ? null : ToContract(_now, _nowcaster, _bar?.MeanClose ?? 0, _bar?.Close ?? _nowcaster.PreviousClose, _asOf, nextDay: _bar is not null);

    private Nowcast ToContract(in DayNowcast now, Nowcaster nowcaster, double meanSoFar, double lastPrice, DateTimeOffset asOf, bool nextDay)
    {
        var computedAt = clock.GetUtcNow();
        var next = nextDay
            ? new Forecast(symbol, now.Date.AddDays(1), now.NextDayValue, [.. nowcaster.NextDayIntervals(now)], _model, _version, now.Date, computedAt)
            : null;
        return new Nowcast(symbol, now.Date, now.Value, [.. nowcaster.Intervals(now)], now.ElapsedShare, asOf, now.Ticks, meanSoFar, lastPrice, _model, computedAt, next);
    }

    private static DateTimeOffset DayStart(DateOnly day) => DateTimeOffset.FromUnixTimeSeconds(Tick.DayNumberOf(day) * Tick.SecondsPerDay);
}
