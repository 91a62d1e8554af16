using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Training;

/// <summary>
/// What a training job produced: the model as a blob, its errors on the held-out days (naive's and last's MAE there), and the MAE the
/// model that was active scored on those same days (the bar the new one must clear).
/// </summary>
public sealed record TrainingOutcome(
    byte[] Blob,
    TrainingSummary Summary,
    ForecastMetrics HeldOut,
    double NaiveMae,
    double ActiveMae,
    DateOnly HeldOutFrom,
    DateOnly HeldOutTo,
    double[] HeldOutForecasts,
    double LastMae);
