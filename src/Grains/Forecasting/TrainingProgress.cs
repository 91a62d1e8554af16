namespace StreamPredictor.Grains.Forecasting;

/// <summary>Where a training run is after an epoch: losses in scaled units, time spent and an estimate of time left.</summary>
public sealed record TrainingProgress(
    string Model,
    int Epoch,
    int Epochs,
    double Loss,
    double? ValidationLoss,
    TimeSpan Elapsed,
    TimeSpan Remaining);
