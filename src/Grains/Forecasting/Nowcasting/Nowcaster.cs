using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Forecasting.Nowcasting;

/// <summary>
/// Nowcasts of the open day's mean close, made at the previous close and updated with the open day's bar as ticks arrive.
/// The day's mean is the mean of the closes so far weighted by the elapsed share of the day, plus a forecast of the rest
/// of the day weighted by the remaining share: the last price, moved by the model's forecast drift for the time left (for
/// <c>last</c> there is none, and this is the time-weighted rule <c>mean so far × elapsed + last price × remaining</c>).
/// With no tick yet it is the model's forecast of the day; with the whole day in it is the day's mean. The intervals are
/// the model's, narrowed by the share of the day's variance still open: for a random walk of N ticks a day with r to come,
/// the error of the mean has a variance proportional to <c>r(r+1)(2r+1)</c>, against <c>N(N+1)(2N+1)</c> for a whole day
/// ahead. The next day's forecast is the last price moved by the same drift, its intervals widened by the rest of today's
/// walk. Built once per closed day; <see cref="Update(DailyBar?, double)"/> is arithmetic only, for the forecast grain to
/// call per batch.
/// </summary>
public sealed class Nowcaster
{
    /// <summary>Closed days whose median tick count is taken as a full day's.</summary>
    public const int TicksLookBack = 30;

    private readonly IReadOnlyList<ConformalQuantile> _quantiles;
    private readonly double _drift;
    private readonly double _volatility;
    private readonly double _fullDayVariance;

    private Nowcaster(DayForecast forecast, double previousClose, double ticksPerDay, ConformalCalibration calibration, double volatility)
    {
        Forecast = forecast;
        PreviousClose = previousClose;
        TicksPerDay = ticksPerDay;
        _quantiles = calibration.Quantiles;
        _volatility = volatility;
        _drift = Math.Log(forecast.Value / previousClose);
        if (!double.IsFinite(_drift)) _drift = 0;
        _fullDayVariance = Cube(ticksPerDay);
    }

    /// <summary>The model's forecast of the day after the closed days, made at their close: the nowcast before any tick.</summary>
    public DayForecast Forecast { get; }

    /// <summary>The last close of the last closed day.</summary>
    public double PreviousClose { get; }

    /// <summary>The ticks a full day has (the median of the last closed days).</summary>
    public double TicksPerDay { get; }

    /// <summary>A nowcaster for the day after <paramref name="closedDays"/>, from <paramref name="model"/>'s forecast and intervals.</summary>
    public static Nowcaster Create(IForecaster model, DailySeries closedDays)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(closedDays);
        var forecast = model.ForecastNext(closedDays);
        var ticks = closedDays.Bars.Skip(Math.Max(0, closedDays.Count - TicksLookBack)).Select(d => (double)d.Ticks).Order().ToArray();
        var median = ticks.Length % 2 == 1 ? ticks[ticks.Length / 2] : (ticks[(ticks.Length / 2) - 1] + ticks[ticks.Length / 2]) / 2;
        return new Nowcaster(forecast, closedDays.Closes[^1], Math.Max(1, median), model.Calibration, model.Calibration.ScaleFor(closedDays, closedDays.Count));
    }

    /// <summary>The share of <paramref name="day"/> (UTC) elapsed at <paramref name="asOfUnixSeconds"/>, in [0, 1].</summary>
    public static double ElapsedShare(DateOnly day, long asOfUnixSeconds) =>
        Math.Clamp((asOfUnixSeconds - (Tick.DayNumberOf(day) * Tick.SecondsPerDay)) / (double)Tick.SecondsPerDay, 0, 1);

    /// <summary>The nowcast with the open day's bar as of <paramref name="asOfUnixSeconds"/> (the time its data is current to).</summary>
    public DayNowcast UpdateAt(DailyBar openDay, long asOfUnixSeconds)
    {
        ArgumentNullException.ThrowIfNull(openDay);
        return Update(openDay, ElapsedShare(openDay.Date, asOfUnixSeconds));
    }

    /// <summary>
    /// The nowcast with the open day's bar so far (null before its first tick: the day is <see cref="Forecast"/>'s) when
    /// <paramref name="elapsedShare"/> of the day has passed.
    /// </summary>
    public DayNowcast Update(DailyBar? openDay, double elapsedShare)
    {
        var f = double.IsFinite(elapsedShare) ? Math.Clamp(elapsedShare, 0, 1) : 0;
        var known = openDay?.Ticks ?? 0;
        var date = openDay?.Date ?? Forecast.Date;
        var last = known > 0 ? openDay!.Close : PreviousClose;
        var remaining = (1 - f) * TicksPerDay;
        var nextDay = last * Math.Exp(_drift);
        var nextDaySpread = _volatility * Math.Sqrt(1 + (6 * remaining * TicksPerDay * TicksPerDay / _fullDayVariance));
        if (known == 0 && (f == 0 || remaining <= 0))
        {
            return new DayNowcast(date, f, 0, Forecast.Value, _volatility, nextDay, nextDaySpread);
        }

        // Weighting by the elapsed time rather than by the share of the day's ticks in: measured on the Binance file's
        // minute bars (outages inside days), tick shares did a little worse (docs/forecasting.md).
        var weight = known > 0 ? f : 0;
        var rest = last * Math.Exp(_drift * (1 - f));
        var value = known > 0 ? (weight * openDay!.MeanClose) + ((1 - weight) * rest) : rest;
        var open = Cube(remaining) / _fullDayVariance;
        return new DayNowcast(date, f, known, value, _volatility * Math.Sqrt(open), nextDay, nextDaySpread);
    }

    /// <summary>The nowcast's intervals at the model's levels.</summary>
    public IReadOnlyList<ForecastInterval> Intervals(in DayNowcast nowcast) => Intervals(nowcast.Value, nowcast.Spread);

    /// <summary>The next day's intervals at the model's levels.</summary>
    public IReadOnlyList<ForecastInterval> NextDayIntervals(in DayNowcast nowcast) => Intervals(nowcast.NextDayValue, nowcast.NextDaySpread);

    /// <summary>Whether <paramref name="value"/> lies in the nowcast's interval of the <paramref name="level"/>-th level, without allocating.</summary>
    public bool Covers(in DayNowcast nowcast, int level, double value)
    {
        var half = _quantiles[level].RelativeHalfWidth * nowcast.Spread * Math.Abs(nowcast.Value);
        return value >= Math.Max(0, nowcast.Value - half) && value <= nowcast.Value + half;
    }

    public int Levels => _quantiles.Count;

    private ForecastInterval[] Intervals(double value, double spread) =>
        _quantiles.Select(q => new ForecastInterval(
            q.Level,
            Math.Max(0, value - (q.RelativeHalfWidth * spread * Math.Abs(value))),
            value + (q.RelativeHalfWidth * spread * Math.Abs(value)))).ToArray();

    /// <summary><c>n(n+1)(2n+1)</c>: six times the sum of squares up to n, the variance of a walk's running sum in steps².</summary>
    private static double Cube(double n) => n * (n + 1) * ((2 * n) + 1);
}
