using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>
/// The tutorial's experiment, honestly scored: the last <see cref="BacktestOptions.TestDays"/> days are the test set; each
/// model trains on the days before them only and forecasts each test day from the true days before it. With folds, the
/// same is done on the consecutive windows before the test window, retraining every model for each. Every score carries
/// its MASE against the naive forecast on the same days.
/// </summary>
public static class BacktestRunner
{
    public static BacktestResult Run(
        IReadOnlyList<DailyBar> days,
        BacktestOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(options);
        var windows = Windows(days, options);
        var prices = days.Select(d => d.MeanClose).ToArray();
        var models = options.Models.Select(spec =>
        {
            var scores = windows.Select((window, i) =>
            {
                var label = i == windows.Count - 1 ? $"{spec.Kind} test" : $"{spec.Kind} fold {i + 1}/{windows.Count - 1}";
                var relabel = progress is null ? null : new Relabel(progress, label);
                return Score(spec, prices, window, options.Training, relabel, cancellationToken);
            }).ToArray();
            return new ModelBacktest(spec, scores[^1], scores[..^1]);
        }).ToArray();
        var test = windows[^1];
        return new BacktestResult(test, days.Skip(test.Start).Take(test.Days).ToArray(), windows.Take(windows.Count - 1).ToArray(), models);
    }

    /// <summary>The folds, oldest first, then the test window: each <see cref="BacktestOptions.TestDays"/> long, back to back at the end of the series.</summary>
    public static IReadOnlyList<BacktestWindow> Windows(IReadOnlyList<DailyBar> days, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TestDays < 1) throw new ArgumentOutOfRangeException(nameof(options), options.TestDays, "test days must be at least 1");
        if (options.Folds < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Folds, "folds must not be negative");
        var needed = options.Models.Select(m => m.HistoryNeeded).DefaultIfEmpty(1).Max() + 2;
        var first = days.Count - (options.Folds + 1) * options.TestDays;
        if (first < needed)
        {
            throw new ArgumentException(
                $"{days.Count} days are too few for {options.Folds + 1} windows of {options.TestDays} days after {needed} training days");
        }

        return Enumerable.Range(0, options.Folds + 1)
            .Select(i => first + i * options.TestDays)
            .Select(start => new BacktestWindow(start, options.TestDays, days[start].Date, days[start + options.TestDays - 1].Date))
            .ToArray();
    }

    private static WindowScore Score(ModelSpec spec, double[] prices, BacktestWindow window, TrainingOptions training, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var actual = prices.AsSpan(window.Start, window.Days);
        var naive = prices.AsSpan(window.Start - 1, window.Days);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var model = ForecastTrainer.Train(spec, prices.AsSpan(0, window.Start), training, progress, cancellationToken);
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var forecasts = model.Predict(prices, window.Start, window.Days);
        var coverage = Coverage(model.Calibration, forecasts, actual);
        return new WindowScore(window, ForecastMetrics.Compute(actual, forecasts, naive), seconds, model.Training.EpochsRun, forecasts, coverage);
    }

    private static IntervalCoverage[] Coverage(ConformalCalibration calibration, double[] forecasts, ReadOnlySpan<double> actual)
    {
        var inside = new int[calibration.Quantiles.Count];
        for (var i = 0; i < forecasts.Length; i++)
        {
            var intervals = calibration.Intervals(forecasts[i]);
            for (var q = 0; q < intervals.Count; q++)
            {
                if (intervals[q].Contains(actual[i])) inside[q]++;
            }
        }

        return calibration.Quantiles.Select((q, i) => new IntervalCoverage(q.Level, (double)inside[i] / forecasts.Length)).ToArray();
    }

    private sealed class Relabel(IProgress<TrainingProgress> inner, string label) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(value with { Model = label });
    }
}
