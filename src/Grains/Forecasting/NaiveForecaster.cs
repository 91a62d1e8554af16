namespace StreamPredictor.Grains.Forecasting;

/// <summary>Tomorrow's mean is today's mean: the yardstick of every other model.</summary>
public sealed class NaiveForecaster(ConformalCalibration calibration, int trainingDays = 0) : IForecaster
{
    public ModelSpec Spec { get; } = ModelSpec.Default(ModelNames.Naive);

    public MinMaxScaler? Scaler => null;

    public TrainingSummary Training { get; } = TrainingSummary.Untrained(trainingDays, calibration.Days);

    public ConformalCalibration Calibration { get; } = calibration;

    /// <summary>A naive model calibrated on the last <paramref name="validationDays"/> of <paramref name="prices"/>.</summary>
    public static NaiveForecaster Fit(ReadOnlySpan<double> prices, int validationDays, IReadOnlyList<double> levels)
    {
        validationDays = Math.Min(validationDays, prices.Length - 1);
        if (validationDays <= 0) return new NaiveForecaster(ConformalCalibration.None, prices.Length);
        var from = prices.Length - validationDays;
        return new NaiveForecaster(ConformalCalibration.Fit(prices[from..], prices.Slice(from - 1, validationDays), levels), prices.Length - validationDays);
    }

    public double[] Predict(ReadOnlySpan<double> prices, int from, int count)
    {
        this.CheckRange(prices, from, count);
        return prices.Slice(from - 1, count).ToArray();
    }

    public void Dispose()
    {
    }
}
