using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// Tomorrow's mean is today's last close. Under a random walk the best guess of every later price is the latest one, and
/// the last close is half a day nearer tomorrow than today's mean (centred on noon). On a daily file (one tick a day)
/// the close is the mean, and this is naive.
/// </summary>
public sealed class LastForecaster(ConformalCalibration calibration, int trainingDays = 0) : IForecaster
{
    /// <summary>
    /// The last closed days that calibrate the intervals; measured on the Bitstamp file (docs/forecasting.md): 120 covers
    /// its level in every 60-day window, and so do the open-day nowcasts built on it.
    /// </summary>
    public const int CalibrationDays = 120;

    public ModelSpec Spec { get; } = ModelSpec.Default(ModelNames.Last);

    public MinMaxScaler? Scaler => null;

    public TrainingSummary Training { get; } = TrainingSummary.Untrained(trainingDays, calibration.Days);

    public ConformalCalibration Calibration { get; } = calibration;

    /// <summary>A last-close model calibrated on the last <paramref name="calibrationDays"/> of <paramref name="days"/>.</summary>
    public static LastForecaster Fit(DailySeries days, int calibrationDays, IReadOnlyList<double> levels)
    {
        ArgumentNullException.ThrowIfNull(days);
        calibrationDays = Math.Min(calibrationDays, days.Count - 1);
        if (calibrationDays <= 0) return new LastForecaster(ConformalCalibration.None, days.Count);
        var from = days.Count - calibrationDays;
        var calibration = ConformalCalibration.Fit(days, from, days.Closes.AsSpan(from - 1, calibrationDays), levels);
        return new LastForecaster(calibration, from);
    }

    public double[] Predict(DailySeries days, int from, int count)
    {
        this.CheckRange(days, from, count);
        return days.Closes.AsSpan(from - 1, count).ToArray();
    }

    public void Dispose()
    {
    }
}
