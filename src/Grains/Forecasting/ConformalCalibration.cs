using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// Split-conformal intervals from held-out errors. The score of a day is |actual − predicted| / |predicted|; for level L
/// over n scores the half-width is the ⌈(n+1)L⌉-th smallest (the largest when that exceeds n), so the interval
/// <c>predicted ± q·|predicted|</c> covers at least L of exchangeable future days.
/// </summary>
public sealed record ConformalCalibration(int Days, IReadOnlyList<ConformalQuantile> Quantiles)
{
    public static ConformalCalibration None { get; } = new(0, []);

    public static ConformalCalibration Fit(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, IReadOnlyList<double> levels)
    {
        if (actual.Length != predicted.Length) throw new ArgumentException("actual and predicted must be equally long");
        var n = actual.Length;
        if (n == 0) return None;
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            scores[i] = Math.Abs(actual[i] - predicted[i]) / Math.Max(Math.Abs(predicted[i]), double.Epsilon);
        }

        Array.Sort(scores);
        var quantiles = levels.Order().Select(level =>
        {
            var rank = (int)Math.Ceiling((n + 1) * level);
            return new ConformalQuantile(level, scores[Math.Clamp(rank, 1, n) - 1]);
        }).ToArray();
        return new ConformalCalibration(n, quantiles);
    }

    /// <summary>The interval at each level; a price cannot fall below zero, so neither does a lower bound.</summary>
    public IReadOnlyList<ForecastInterval> Intervals(double predicted) =>
        Quantiles.Select(q => new ForecastInterval(
            q.Level,
            Math.Max(0, predicted - (q.RelativeHalfWidth * Math.Abs(predicted))),
            predicted + (q.RelativeHalfWidth * Math.Abs(predicted)))).ToArray();
}
