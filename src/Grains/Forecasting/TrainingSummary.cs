namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// How a model was trained: epochs actually run (early stopping may cut them), seconds, last losses, days seen, and
/// whether a day-feature network kept its starting point, <c>last</c>, because no epoch clearly beat it on validation.
/// </summary>
public sealed record TrainingSummary(
    int EpochsRun,
    double Seconds,
    double Loss,
    double? ValidationLoss,
    int TrainingDays,
    int ValidationDays,
    int Seed,
    string Device,
    bool KeptLast = false)
{
    public static TrainingSummary Untrained(int trainingDays, int validationDays) => new(0, 0, 0, null, trainingDays, validationDays, 0, "none");
}
