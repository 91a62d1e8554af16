using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// Split-conformal intervals from held-out errors. The score of a day is |actual − predicted| / |predicted|, divided by
/// the volatility of the <see cref="VolatilityDays"/> days before it when that is above zero (locally adaptive intervals:
/// wider after wild weeks, narrower after calm ones; 0 in blobs written before they existed). For level L over n scores
/// the half-width is the ⌈(n+1)L⌉-th smallest (the largest when that exceeds n), so the interval
/// <c>predicted ± q·scale·|predicted|</c> covers at least L of exchangeable future days.
/// </summary>
public sealed record ConformalCalibration(int Days, IReadOnlyList<ConformalQuantile> Quantiles, int VolatilityDays = 0)
{
    public static ConformalCalibration None { get; } = new(0, []);

    /// <summary>Unscaled scores (each day's scale is 1).</summary>
    public static ConformalCalibration Fit(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, IReadOnlyList<double> levels) =>
        Fit(actual, predicted, null, levels, 0);

    /// <summary>
    /// Calibrates on days <c>[from, from + predicted.Length)</c> of <paramref name="days"/>, each score scaled by the
    /// volatility of the <paramref name="volatilityDays"/> days before it; days that follow a gap in the data are left out.
    /// </summary>
    public static ConformalCalibration Fit(DailySeries days, int from, ReadOnlySpan<double> predicted, IReadOnlyList<double> levels, int volatilityDays = DailyVolatility.DefaultDays)
    {
        ArgumentNullException.ThrowIfNull(days);
        var actual = new List<double>(predicted.Length);
        var kept = new List<double>(predicted.Length);
        var scales = new List<double>(predicted.Length);
        for (var i = 0; i < predicted.Length; i++)
        {
            var day = from + i;

            // A day after a gap in the data was forecast from a day long before it: not a next-day error.
            if (day > 0 && days.Bars[day].Date.DayNumber - days.Bars[day - 1].Date.DayNumber > 1) continue;
            actual.Add(days.Means[day]);
            kept.Add(predicted[i]);
            scales.Add(volatilityDays > 0 ? DailyVolatility.Before(days, day, volatilityDays) : 1.0);
        }

        return Fit(actual.ToArray(), kept.ToArray(), scales.ToArray(), levels, volatilityDays);
    }

    private static ConformalCalibration Fit(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, double[]? scales, IReadOnlyList<double> levels, int volatilityDays)
    {
        if (actual.Length != predicted.Length) throw new ArgumentException("actual and predicted must be equally long");
        var n = actual.Length;
        if (n == 0) return None;
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            scores[i] = Math.Abs(actual[i] - predicted[i]) / Math.Max(Math.Abs(predicted[i]), double.Epsilon) / (scales?[i] ?? 1.0);
        }

        Array.Sort(scores);
        var quantiles = levels.Order().Select(level =>
        {
            var rank = (int)Math.Ceiling((n + 1) * level);
            return new ConformalQuantile(level, scores[Math.Clamp(rank, 1, n) - 1]);
        }).ToArray();
        return new ConformalCalibration(n, quantiles, volatilityDays);
    }

    /// <summary>The scale of the forecast of day <paramref name="day"/> of <paramref name="days"/> (1 when unscaled).</summary>
    public double ScaleFor(DailySeries days, int day) => VolatilityDays > 0 ? DailyVolatility.Before(days, day, VolatilityDays) : 1.0;

    /// <summary>The interval at each level; a price cannot fall below zero, so neither does a lower bound.</summary>
    public IReadOnlyList<ForecastInterval> Intervals(double predicted, double scale) =>
        Quantiles.Select(q => Interval(q, predicted, q.RelativeHalfWidth * scale)).ToArray();

    /// <summary>The intervals of the forecast of day <paramref name="day"/> of <paramref name="days"/>.</summary>
    public IReadOnlyList<ForecastInterval> Intervals(double predicted, DailySeries days, int day) => Intervals(predicted, ScaleFor(days, day));

    private static ForecastInterval Interval(ConformalQuantile q, double predicted, double relativeHalfWidth) =>
        new(q.Level, Math.Max(0, predicted - (relativeHalfWidth * Math.Abs(predicted))), predicted + (relativeHalfWidth * Math.Abs(predicted)));
}
