using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting.Series;
using StreamPredictor.Grains.Market;

namespace StreamPredictor.Grains.Forecasting.Nowcasting;

/// <summary>
/// Replays held-out days tick by tick, as the market grain would see them, and scores each model's nowcast of the day's
/// mean at fixed hours (UTC; the ticks before that hour are in), beside the time-weighted rule
/// <c>mean so far × h/24 + last price × (1 − h/24)</c>. The open day's bar is the one <see cref="DayAccumulator"/> keeps, so
/// its figures are the grain's. The next-day forecast is scored against the next day's mean where that day is in the series.
/// </summary>
public static class NowcastReplay
{
    /// <summary>The hours at which every nowcast is taken: 0 .. 23.</summary>
    public static IReadOnlyList<int> Hours { get; } = Enumerable.Range(0, 24).ToArray();

    /// <param name="days">The whole series of daily bars (the held-out days and the days before them).</param>
    /// <param name="from">The first held-out day.</param>
    /// <param name="count">How many held-out days.</param>
    /// <param name="ticks">The held-out days' ticks, in any order.</param>
    /// <param name="models">The models, trained on days before <paramref name="from"/>.</param>
    public static NowcastResult Run(DailySeries days, int from, int count, IReadOnlyList<Tick> ticks, IReadOnlyList<IForecaster> models)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(models);
        var byDay = ticks.GroupBy(t => t.DayNumber).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Timestamp).ToArray());
        var rule = new ErrorSum(Hours.Count);
        var scores = models.Select(m => new ModelSums(m.Spec.Kind, Hours.Count, m.Calibration.Quantiles.Count)).ToArray();
        var replayed = 0;
        for (var d = from; d < from + count; d++)
        {
            var bar = days.Bars[d];
            var dayNumber = Tick.DayNumberOf(bar.Date);
            if (!byDay.TryGetValue(dayNumber, out var dayTicks)) continue;
            replayed++;
            var nowcasters = models.Select(m => Nowcaster.Create(m, days.Take(d))).ToArray();
            var next = d + 1 < days.Count ? days.Means[d + 1] : (double?)null;
            var accumulator = new DayAccumulator(dayNumber);
            var t = 0;
            foreach (var hour in Hours)
            {
                var asOf = (dayNumber * Tick.SecondsPerDay) + (hour * 3600L);
                while (t < dayTicks.Length && dayTicks[t].Timestamp < asOf) accumulator.TryAdd(dayTicks[t++]);
                var open = accumulator.Ticks > 0 ? accumulator.ToDailyBar() : null;
                var share = hour / 24.0;
                var last = open?.Close ?? days.Closes[d - 1];
                var ruleValue = open is null ? last : (open.MeanClose * share) + (last * (1 - share));
                rule.Add(hour, Math.Abs(ruleValue - bar.MeanClose));
                for (var m = 0; m < models.Count; m++)
                {
                    var nowcast = nowcasters[m].Update(open, share);
                    scores[m].Add(hour, nowcast, nowcasters[m], bar.MeanClose, next);
                }
            }
        }

        return new NowcastResult(Hours, replayed, rule.Means(), scores.Select(s => s.ToScore()).ToArray());
    }

    private sealed class ErrorSum(int hours)
    {
        private readonly double[] _sum = new double[hours];
        private readonly int[] _count = new int[hours];

        public void Add(int hour, double error)
        {
            _sum[hour] += error;
            _count[hour]++;
        }

        public double[] Means() => _sum.Select((s, i) => _count[i] == 0 ? double.NaN : s / _count[i]).ToArray();
    }

    private sealed class ModelSums(string name, int hours, int levels)
    {
        private readonly ErrorSum _errors = new(hours);
        private readonly ErrorSum _nextDay = new(hours);
        private readonly int[,] _inside = new int[levels, hours];
        private readonly int[] _days = new int[hours];
        private double[] _levels = [];

        public void Add(int hour, in DayNowcast nowcast, Nowcaster nowcaster, double actual, double? next)
        {
            _errors.Add(hour, Math.Abs(nowcast.Value - actual));
            if (next is { } n) _nextDay.Add(hour, Math.Abs(nowcast.NextDayValue - n));
            _days[hour]++;
            if (_levels.Length == 0) _levels = nowcaster.Forecast.Intervals.Select(i => i.Level).ToArray();
            for (var q = 0; q < nowcaster.Levels; q++)
            {
                if (nowcaster.Covers(nowcast, q, actual)) _inside[q, hour]++;
            }
        }

        public NowcastScore ToScore() => new(
            name,
            _errors.Means(),
            _nextDay.Means(),
            _levels.Select((level, q) => new NowcastCoverage(level, _days.Select((n, h) => n == 0 ? double.NaN : (double)_inside[q, h] / n).ToArray())).ToArray());
    }
}
