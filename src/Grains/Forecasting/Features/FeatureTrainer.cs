using System.Diagnostics;
using StreamPredictor.Grains.Forecasting.Models;
using StreamPredictor.Grains.Forecasting.Series;
using TorchSharp;

namespace StreamPredictor.Grains.Forecasting.Features;

/// <summary>
/// Trains a day-feature network: one window per training day that has <see cref="ModelSpec.HistoryNeeded"/> days before it,
/// the target <c>ln(mean / previous close)</c> over its training root mean square, L1 loss (the backtest scores MAE, whose
/// best forecast is the median), the last windows held out to stop early and calibrate the intervals. The output layer
/// starts at zero, so the untrained network is <c>last</c>; it is kept unless an epoch clearly beats it on the held-out
/// windows (<see cref="TrainingOptions.Significance"/>), and the summary says so.
/// </summary>
internal static class FeatureTrainer
{
    public static IForecaster Train(ModelSpec spec, DailySeries days, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var first = spec.HistoryNeeded;
        var windowCount = days.Count - first;
        var validationCount = (int)(windowCount * options.ValidationFor(spec));
        var trainCount = windowCount - validationCount;
        if (trainCount < 1)
        {
            throw new ArgumentException($"{spec.Kind} needs more than {spec.HistoryNeeded} training days, got {days.Count}", nameof(days));
        }

        var rows = DayFeatures.Build(days, first - spec.Window, days.Count - 1);
        var targets = new double[windowCount];
        for (var i = 0; i < windowCount; i++)
        {
            targets[i] = DayFeatures.Target(days, first + i);
        }

        var scaler = FeatureScaler.Fit(rows.AsSpan(0, (trainCount + spec.Window - 1) * DayFeatures.Count), targets.AsSpan(0, trainCount));
        var inputs = FeatureForecaster.Inputs(rows, 0, windowCount, spec.Window, scaler);
        var windows = WindowSet.FromArrays(inputs, targets.Select(y => (float)(y / scaler.TargetScale)).ToArray(), spec.Window, DayFeatures.Count);
        var started = Stopwatch.GetTimestamp();

        FeatureForecaster forecaster;
        FitResult fit;
        lock (TorchGate.Random)
        {
            torch.random.manual_seed(options.Seed);
            var device = TorchRuntime.Device;
            var network = ModelFactory.Create(spec).to(device);
            forecaster = new FeatureForecaster(spec, scaler, network, device, TrainingSummary.Untrained(days.Count - validationCount, validationCount), ConformalCalibration.None);
            try
            {
                fit = new NetworkTrainer(network, device, options, spec.Kind, absoluteLoss: true, initialIsCandidate: true)
                    .Fit(windows, trainCount, progress, cancellationToken);
            }
            catch
            {
                forecaster.Dispose();
                throw;
            }
        }

        var from = days.Count - validationCount;
        var calibration = validationCount > 0
            ? ConformalCalibration.Fit(days, from, forecaster.Predict(days, from, validationCount), options.IntervalLevels)
            : ConformalCalibration.None;
        var summary = new TrainingSummary(fit.Epochs, Stopwatch.GetElapsedTime(started).TotalSeconds, fit.Loss, fit.ValidationLoss,
            from, validationCount, options.Seed, TorchRuntime.DeviceName, fit.KeptBaseline);
        return forecaster.With(summary, calibration);
    }
}
