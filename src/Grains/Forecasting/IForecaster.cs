namespace StreamPredictor.Grains.Forecasting;

/// <summary>A trained model of daily mean closes: forecasts each day from the true days before it.</summary>
public interface IForecaster : IDisposable
{
    ModelSpec Spec { get; }

    /// <summary>The scaler fit on the training days' target values; null for a model that uses none.</summary>
    MinMaxScaler? Scaler { get; }

    TrainingSummary Training { get; }

    ConformalCalibration Calibration { get; }

    /// <summary>
    /// One-step forecasts of <c>prices[from .. from+count)</c>, each made from the prices before it; the last index may be
    /// <c>prices.Length</c> (the day after the series). <paramref name="from"/> must be at least <see cref="ModelSpec.HistoryNeeded"/>.
    /// </summary>
    double[] Predict(ReadOnlySpan<double> prices, int from, int count);
}
