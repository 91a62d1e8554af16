using StreamPredictor.Abstractions.Forecasting;
using System.Diagnostics;
using StreamPredictor.Grains.Forecasting.Ensembles;
using StreamPredictor.Grains.Forecasting.Features;
using StreamPredictor.Grains.Forecasting.Models;
using StreamPredictor.Grains.Forecasting.Series;
using TorchSharp;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// Trains a model of <see cref="ModelSpec"/> on training days only: the scaler is fit on them, the windows are cut from
/// them, and with a validation split the last of them calibrate the intervals. Same seed and data give the same weights
/// on the CPU. The trivial models (naive, last) are calibrated on their own number of last days instead.
/// </summary>
public static class ForecastTrainer
{
    /// <summary>Trains on a series known only by its daily means (see <see cref="DailySeries.FromMeans"/>).</summary>
    public static IForecaster Train(
        ModelSpec spec,
        ReadOnlySpan<double> prices,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Train(spec, DailySeries.FromMeans(prices), options, progress, cancellationToken);

    /// <param name="spec">What to train.</param>
    /// <param name="days">The training days, oldest first.</param>
    /// <param name="options">How to train.</param>
    /// <param name="progress">Told after every epoch.</param>
    /// <param name="cancellationToken">Stops training between batches.</param>
    /// <param name="members">For an ensemble: its members already trained on the same days, by spec (the backtest's); null trains them.</param>
    public static IForecaster Train(
        ModelSpec spec,
        DailySeries days,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default,
        Func<ModelSpec, IForecaster>? members = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return spec switch
        {
            { Kind: ModelNames.Naive } => NaiveForecaster.Fit(days, NaiveForecaster.CalibrationDays, options.IntervalLevels),
            { Kind: ModelNames.Last } => LastForecaster.Fit(days, LastForecaster.CalibrationDays, options.IntervalLevels),
            { Kind: ModelNames.Ensemble } => EnsembleTrainer.Train(spec, days, options, progress, cancellationToken, members),
            { Input: ModelInput.DayFeatures } => FeatureTrainer.Train(spec, days, options, progress, cancellationToken),
            _ => TrainOnMeans(spec, days.Means, options, progress, cancellationToken),
        };
    }

    private static IForecaster TrainOnMeans(ModelSpec spec, double[] prices, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var values = TargetSeries.From(prices, spec.Target);
        var windowCount = values.Length - spec.Window;
        var validationCount = (int)(windowCount * options.ValidationFor(spec));
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
        FitResult fit;
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

        var series = DailySeries.FromMeans(prices);
        var calibration = validationCount > 0
            ? ConformalCalibration.Fit(series, prices.Length - validationCount, forecaster.Predict(series, prices.Length - validationCount, validationCount), options.IntervalLevels)
            : ConformalCalibration.None;
        var summary = new TrainingSummary(fit.Epochs, Stopwatch.GetElapsedTime(started).TotalSeconds, fit.Loss, fit.ValidationLoss,
            prices.Length - validationCount, validationCount, options.Seed, TorchRuntime.DeviceName);
        return forecaster.With(summary, calibration);
    }
}
