using System.Diagnostics;
using StreamPredictor.Grains.Forecasting.Models;
using TorchSharp;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// Trains a model of <see cref="ModelSpec"/> on training days only: the scaler is fit on them, the windows are cut from
/// them, and with a validation split the last of them calibrate the intervals. Same seed and data give the same weights
/// on the CPU.
/// </summary>
public static class ForecastTrainer
{
    public static IForecaster Train(
        ModelSpec spec,
        ReadOnlySpan<double> prices,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (spec.Kind == ModelNames.Naive)
        {
            return NaiveForecaster.Fit(prices, (int)(prices.Length * options.ValidationFraction), options.IntervalLevels);
        }

        var values = TargetSeries.From(prices, spec.Target);
        var windowCount = values.Length - spec.Window;
        var validationCount = (int)(windowCount * options.ValidationFraction);
        var trainCount = windowCount - validationCount;
        if (trainCount < 1)
        {
            throw new ArgumentException($"{spec.Kind} needs more than {spec.HistoryNeeded} training days, got {prices.Length}", nameof(prices));
        }

        var scaler = MinMaxScaler.Fit(values);
        var scaled = values.Select(scaler.Transform).ToArray();
        var windows = WindowSet.Build(scaled, spec.Window);
        var started = Stopwatch.GetTimestamp();

        // Seeding and building must not interleave with another thread's: torch's generator is global.
        NeuralForecaster forecaster;
        (int Epochs, double Loss, double? ValidationLoss) fit;
        lock (TorchGate.Random)
        {
            torch.random.manual_seed(options.Seed);
            var device = TorchRuntime.Device;
            var network = ModelFactory.Create(spec).to(device);
            forecaster = new NeuralForecaster(spec, scaler, network, device, TrainingSummary.Untrained(prices.Length - validationCount, validationCount), ConformalCalibration.None);
            try
            {
                fit = new NetworkTrainer(network, device, options, spec.Kind).Fit(windows, trainCount, progress, cancellationToken);
            }
            catch
            {
                forecaster.Dispose();
                throw;
            }
        }

        var calibration = validationCount > 0
            ? ConformalCalibration.Fit(prices[^validationCount..], forecaster.Predict(prices, prices.Length - validationCount, validationCount), options.IntervalLevels)
            : ConformalCalibration.None;
        var summary = new TrainingSummary(fit.Epochs, Stopwatch.GetElapsedTime(started).TotalSeconds, fit.Loss, fit.ValidationLoss,
            prices.Length - validationCount, validationCount, options.Seed, TorchRuntime.DeviceName);
        return forecaster.With(summary, calibration);
    }
}
