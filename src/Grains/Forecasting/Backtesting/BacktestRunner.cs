using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting.Nowcasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>
/// The tutorial's experiment, honestly scored: the last <see cref="BacktestOptions.TestDays"/> days are the test set; each
/// model trains on the days before them only and forecasts each test day from the true days before it. With folds, the
/// same is done on the consecutive windows before the test window, retraining every model for each. Every score carries
/// its MASE against the naive forecast and its MAE ratio against <c>last</c> on the same days. An ensemble reuses the
/// members trained for the same window.
/// </summary>
public static class BacktestRunner
{
    public static BacktestResult Run(
        IReadOnlyList<DailyBar> days,
        BacktestOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(days, options, null, progress, cancellationToken);

    /// <summary>The backtest, and with <paramref name="nowcastTicks"/> (the test window's ticks) the nowcast replay of the test window by every model trained for it.</summary>
    public static BacktestResult Run(
        IReadOnlyList<DailyBar> days,
        BacktestOptions options,
        IReadOnlyList<Tick>? nowcastTicks,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(options);
        var windows = Windows(days, options);
        var series = DailySeries.From(days);
        NowcastResult? nowcast = null;
        var scores = new WindowScore[options.Models.Count][];
        for (var m = 0; m < scores.Length; m++) scores[m] = new WindowScore[windows.Count];
        for (var w = 0; w < windows.Count; w++)
        {
            var label = w == windows.Count - 1 ? "test" : $"fold {w + 1}/{windows.Count - 1}";
            var window = windows[w];
            var training = series.Take(window.Start);
            var trained = new Dictionary<ModelSpec, IForecaster>();
            try
            {
                for (var m = 0; m < options.Models.Count; m++)
                {
                    var spec = options.Models[m];
                    var relabel = progress is null ? null : new Relabel(progress, label);
                    scores[m][w] = Score(spec, series, training, window, options.Training, relabel, trained, cancellationToken);
                }

                if (nowcastTicks is not null && w == windows.Count - 1)
                {
                    nowcast = NowcastReplay.Run(series, window.Start, window.Days, nowcastTicks, options.Models.Select(s => trained[s]).ToArray());
                }
            }
            finally
            {
                foreach (var model in trained.Values) model.Dispose();
            }
        }

        var models = options.Models.Select((spec, m) => new ModelBacktest(spec, scores[m][^1], scores[m][..^1])).ToArray();
        var test = windows[^1];
        return new BacktestResult(test, days.Skip(test.Start).Take(test.Days).ToArray(), windows.Take(windows.Count - 1).ToArray(), models, nowcast);
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

    private static WindowScore Score(
        ModelSpec spec,
        DailySeries series,
        DailySeries training,
        BacktestWindow window,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress,
        Dictionary<ModelSpec, IForecaster> trained,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var actual = series.Means.AsSpan(window.Start, window.Days);
        var naive = series.Means.AsSpan(window.Start - 1, window.Days);
        var last = series.Closes.AsSpan(window.Start - 1, window.Days);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var model = trained.GetValueOrDefault(spec);
        if (model is null)
        {
            model = ForecastTrainer.Train(spec, training, options, progress, cancellationToken, members: s => Member(s, training, options, progress, trained, cancellationToken));
            trained[spec] = model;
        }

        var seconds = spec.Kind == ModelNames.Ensemble ? model.Training.Seconds : System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var forecasts = model.Predict(series, window.Start, window.Days);
        var coverage = Coverage(model.Calibration, series, window.Start, forecasts);
        return new WindowScore(window, ForecastMetrics.Compute(actual, forecasts, naive, last), seconds, model.Training.EpochsRun, forecasts, coverage, model.Training.KeptLast);
    }

    /// <summary>An ensemble member: the one this window already trained, else trained now and kept for the models after it.</summary>
    private static IForecaster Member(ModelSpec spec, DailySeries training, TrainingOptions options, IProgress<TrainingProgress>? progress, Dictionary<ModelSpec, IForecaster> trained, CancellationToken cancellationToken)
    {
        if (!trained.TryGetValue(spec, out var member))
        {
            member = ForecastTrainer.Train(spec, training, options, progress, cancellationToken);
            trained[spec] = member;
        }

        return member;
    }

    private static IntervalCoverage[] Coverage(ConformalCalibration calibration, DailySeries series, int start, double[] forecasts)
    {
        var inside = new int[calibration.Quantiles.Count];
        for (var i = 0; i < forecasts.Length; i++)
        {
            var intervals = calibration.Intervals(forecasts[i], series, start + i);
            for (var q = 0; q < intervals.Count; q++)
            {
                if (intervals[q].Contains(series.Means[start + i])) inside[q]++;
            }
        }

        return calibration.Quantiles.Select((q, i) => new IntervalCoverage(q.Level, (double)inside[i] / forecasts.Length)).ToArray();
    }

    private sealed class Relabel(IProgress<TrainingProgress> inner, string label) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(value with { Model = $"{value.Model} {label}" });
    }
}
