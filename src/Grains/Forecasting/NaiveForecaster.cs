using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>Tomorrow's mean is today's mean: the yardstick of every other model.</summary>
public sealed class NaiveForecaster(ConformalCalibration calibration, int trainingDays = 0) : IForecaster
{
    /// <summary>
    /// The last closed days that calibrate naive's intervals. Measured on both shared files (docs/forecasting.md): 60 days
    /// cover their level more steadily than 120 from one 60-day window to the next.
    /// </summary>
    public const int CalibrationDays = 60;

    public ModelSpec Spec { get; } = ModelSpec.Default(ModelNames.Naive);

    public MinMaxScaler? Scaler => null;

    public TrainingSummary Training { get; } = TrainingSummary.Untrained(trainingDays, calibration.Days);

    public ConformalCalibration Calibration { get; } = calibration;

    /// <summary>
    /// A naive model calibrated on the last <paramref name="validationDays"/> of a series of daily means, with unscaled
    /// scores (as before volatility scaling; the forecast grain's default naive). <see cref="Fit(DailySeries, int, IReadOnlyList{double})"/>
    /// scales them by the days' volatility, which covers more steadily (docs/forecasting.md).
    /// </summary>
    public static NaiveForecaster Fit(ReadOnlySpan<double> prices, int validationDays, IReadOnlyList<double> levels)
    {
        validationDays = Math.Min(validationDays, prices.Length - 1);
        if (validationDays <= 0) return new NaiveForecaster(ConformalCalibration.None, prices.Length);
        var from = prices.Length - validationDays;
        return new NaiveForecaster(ConformalCalibration.Fit(prices[from..], prices.Slice(from - 1, validationDays), levels), from);
    }

    /// <summary>A naive model calibrated on the last <paramref name="calibrationDays"/> of <paramref name="days"/>.</summary>
    public static NaiveForecaster Fit(DailySeries days, int calibrationDays, IReadOnlyList<double> levels)
    {
        ArgumentNullException.ThrowIfNull(days);
        calibrationDays = Math.Min(calibrationDays, days.Count - 1);
        if (calibrationDays <= 0) return new NaiveForecaster(ConformalCalibration.None, days.Count);
        var from = days.Count - calibrationDays;
        var calibration = ConformalCalibration.Fit(days, from, days.Means.AsSpan(from - 1, calibrationDays), levels);
        return new NaiveForecaster(calibration, from);
    }

    public double[] Predict(DailySeries days, int from, int count)
    {
        this.CheckRange(days, from, count);
        return days.Means.AsSpan(from - 1, count).ToArray();
    }

    public void Dispose()
    {
    }
}
