using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>A model of daily mean closes: forecasts each day from the true days before it.</summary>
public interface IForecaster : IDisposable
{
    ModelSpec Spec { get; }

    /// <summary>The scaler fit on the training days' target values; null for a model that uses none.</summary>
    MinMaxScaler? Scaler { get; }

    TrainingSummary Training { get; }

    ConformalCalibration Calibration { get; }

    /// <summary>
    /// One-step forecasts of the mean close of days <c>[from, from+count)</c> of <paramref name="days"/>, each made from the
    /// days before it; the last index may be <c>days.Count</c> (the day after the series). <paramref name="from"/> must be at
    /// least <see cref="ModelSpec.HistoryNeeded"/>.
    /// </summary>
    double[] Predict(DailySeries days, int from, int count);
}
